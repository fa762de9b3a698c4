package io.dengta.gateway.dashboard;

import java.net.URI;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.commons.requestid.RequestIds;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Non-blocking GETs to the services with the caller's token and request id. Every outcome that is not a
 * readable 2xx answer becomes an {@link UpstreamFailure} carrying the part status it stands for.
 */
@ApplicationScoped
public class Upstreams {

    enum Service {
        SCHOOLS, INDICATORS, TARGETS
    }

    private static final Logger LOG = Logger.getLogger(Upstreams.class);

    private final HttpClient client;
    private final DashboardConfig config;
    private final ObjectMapper mapper;

    public Upstreams(Vertx vertx, DashboardConfig config, ObjectMapper mapper) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.partTimeout().toMillis()))
                .setMaxPoolSize(50)
                .setKeepAlive(true));
        this.config = config;
        this.mapper = mapper;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** GET {@code pathAndQuery} (already encoded) from the service, as JSON. */
    Uni<JsonNode> get(Service service, String pathAndQuery, Caller caller) {
        String name = name(service);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(base(service).resolve(pathAndQuery).toString())
                .setTimeout(config.partTimeout().toMillis())
                .putHeader("Accept", "application/json")
                .putHeader(RequestIds.HEADER, caller.requestId());
        if (caller.authorization() != null) {
            options.putHeader("Authorization", caller.authorization());
        }
        Future<JsonNode> answer = client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> read(name, response.statusCode(), body)));
        return Uni.createFrom().completionStage(answer.toCompletionStage())
                .onFailure(f -> !(f instanceof UpstreamFailure)).transform(f -> {
                    boolean timeout = f instanceof TimeoutException || f.getClass().getSimpleName().contains("Timeout");
                    LOG.warnf("%s %s: %s", name, timeout ? "timed out" : "is unavailable", f.getMessage());
                    return timeout ? new UpstreamFailure(Part.TIMEOUT, name + " did not answer in time")
                            : new UpstreamFailure(Part.UNAVAILABLE, name + " is unavailable");
                });
    }

    private JsonNode read(String name, int status, Buffer body) {
        if (status >= 200 && status < 300) {
            try {
                return mapper.readTree(body.getBytes());
            } catch (Exception e) {
                throw new UpstreamFailure(Part.UNAVAILABLE, name + " answered with an unreadable body");
            }
        }
        String detail = detail(body);
        throw switch (status) {
            case 401, 403 -> new UpstreamFailure(Part.FORBIDDEN, detail != null ? detail : name + " refused the caller");
            case 404 -> new UpstreamFailure(Part.NOT_FOUND, detail != null ? detail : name + " found nothing");
            case 504 -> new UpstreamFailure(Part.TIMEOUT, name + " did not answer in time");
            default -> new UpstreamFailure(Part.UNAVAILABLE, name + " answered " + status
                    + (status < 500 && detail != null ? ": " + detail : ""));
        };
    }

    /** The problem's detail, if the body is one (never more of it: it is shown to the caller). */
    private String detail(Buffer body) {
        try {
            JsonNode problem = mapper.readTree(body.getBytes());
            return problem.hasNonNull("detail") ? problem.get("detail").asText() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private URI base(Service service) {
        return switch (service) {
            case SCHOOLS -> config.schoolsUrl();
            case INDICATORS -> config.indicatorsUrl();
            case TARGETS -> config.targetsUrl();
        };
    }

    private static String name(Service service) {
        return service.name().toLowerCase() + "-service";
    }
}
