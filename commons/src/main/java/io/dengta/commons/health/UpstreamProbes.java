package io.dengta.commons.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The services a service calls, for its {@code @Wellness} check {@code upstreams}: each is {@code up} (its readiness
 * answers 200), {@code degraded} (it answers, but not ready) or {@code down} (no answer). The check itself is always
 * UP: a service keeps answering (stale data, 503 problems) while an upstream is down, so an upstream must never fail
 * its caller's liveness or readiness, or one outage would restart or unready every service that calls it. Each
 * upstream is asked at most once per {@code cache}, so a scraper polling {@code /q/health} cannot load it.
 */
public final class UpstreamProbes {

    /** What was seen of one upstream, and when. */
    public record Seen(String state, String detail, Instant at) {
    }

    private final Map<String, String> upstreams;
    private final Duration cache;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /** @param upstreams name → base URL (e.g. {@code indicators-service → http://indicators:8080}) */
    public UpstreamProbes(Map<String, String> upstreams, Duration cache) {
        this(upstreams, cache, Clock.systemUTC());
    }

    UpstreamProbes(Map<String, String> upstreams, Duration cache, Clock clock) {
        this.upstreams = new LinkedHashMap<>(upstreams);
        this.cache = cache;
        this.clock = clock;
    }

    /** The check's answer: UP, with each upstream's state and detail as data. */
    public HealthCheckResponse response() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams").up();
        upstreams.forEach((name, url) -> {
            Seen s = seen(name, url);
            response.withData(name, s.state());
            response.withData(name + ".detail", s.detail());
        });
        return response.build();
    }

    private Seen seen(String name, String url) {
        Instant now = clock.instant();
        return seen.compute(name, (k, last) -> last != null && last.at().plus(cache).isAfter(now) ? last : probe(url, now));
    }

    private Seen probe(String baseUrl, Instant now) {
        String url = baseUrl.replaceAll("/+$", "") + "/q/health/ready";
        try {
            HttpResponse<Void> answer;
            try {
                answer = ask(url);
            } catch (IOException e) {
                // a kept-alive connection the upstream closed (a restart) fails once; a fresh one tells the truth
                answer = ask(url);
            }
            return answer.statusCode() == 200 ? new Seen("up", url + " answered 200", now)
                    : new Seen("degraded", url + " answered " + answer.statusCode(), now);
        } catch (IOException | IllegalArgumentException e) {
            return new Seen("down", url + " did not answer", now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Seen("down", url + " was not asked (interrupted)", now);
        }
    }

    private HttpResponse<Void> ask(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
