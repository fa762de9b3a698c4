package io.dengta.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.dengta.gateway.InjectDownstream;
import io.dengta.gateway.RawHttp;
import io.dengta.gateway.routing.GatewayConfig;
import io.dengta.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * OWASP API7:2023 Server Side Request Forgery. The gateway only ever calls the service URLs of its
 * configuration, whatever the request says (absolute-form targets, Host, X-Forwarded-Host); and no
 * operation of any service takes a URL to fetch: the contracts have no URL-valued parameter or field
 * (links a caller gives would be stored as text, never fetched; such a field must be listed here).
 */
@QuarkusTest
class Api07ServerSideRequestForgeryTest {

    /** Fields that hold a URL only to store it (never fetched). None yet. */
    // URL-valued fields that are stored and shown, never fetched by any service (grep the services for an HTTP
    // client call on them before adding one here)
    private static final Set<String> STORED_NOT_FETCHED = Set.of("evidenceUrl");
    private static final Pattern URL_NAMED = Pattern.compile(
            "^\\s*(?:- name: |name: )?([A-Za-z]*(?:[Uu]rl|[Uu]ri|[Hh]ref|[Cc]allback|[Ww]ebhook|[Rr]edirect))\\s*:?\\s*$");
    private static final Pattern URL_FORMAT = Pattern.compile("^\\s*format:\\s*(uri|url|iri|uri-reference)\\s*$");

    @InjectDownstream
    WireMockServer downstream;

    @Inject
    GatewayConfig config;

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void serviceAnswersAnything() {
        downstream.resetAll();
        downstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    }

    @Test
    void routeTableSendsEachPrefixToItsConfiguredServiceOnly() {
        List<String> routed = new ArrayList<>();
        RouterCapture.router().getRoutes().forEach(route -> {
            if (route.getPath() != null && !route.getPath().startsWith("/q/")) {
                routed.add(route.getPath());
            }
        });
        for (Map.Entry<String, GatewayConfig.Route> route : config.routes().entrySet()) {
            assertTrue(routed.contains(route.getValue().prefix() + "/"), "route " + route.getKey() + " missing: " + routed);
            assertTrue(Set.of("http", "https").contains(route.getValue().url().getScheme()));
            assertTrue(route.getValue().url().getPath() == null || route.getValue().url().getPath().isEmpty(),
                    "a route's URL is a service's base address, nothing a request can extend");
        }
    }

    @Test
    void absoluteFormTargetCannotSendTheGatewayElsewhere() throws IOException {
        String answer = RawHttp.exchange(gateway, "GET http://169.254.169.254/schools/v1/schools HTTP/1.1\r\nHost: 169.254.169.254"
                + "\r\nAuthorization: Bearer " + Tokens.role("viewer").region("320113").client("api7").get());

        // either refused or sent to schools-service: never to the address in the request
        assertTrue(answer.startsWith("HTTP/1.1 200") || answer.startsWith("HTTP/1.1 4"), answer);
        if (answer.startsWith("HTTP/1.1 200")) {
            downstream.verify(1, anyRequestedFor(urlEqualTo("/schools/v1/schools")));
        }
    }

    @Test
    void hostHeadersCannotSendTheGatewayElsewhere() throws IOException {
        String answer = RawHttp.exchange(gateway, "GET /targets/v1/targets HTTP/1.1\r\nHost: 127.0.0.1:1"
                + "\r\nX-Forwarded-Host: metadata.google.internal\r\nForwarded: host=10.0.0.1"
                + "\r\nAuthorization: Bearer " + Tokens.role("viewer").region("320113").client("api7").get());

        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        downstream.verify(1, anyRequestedFor(urlEqualTo("/targets/v1/targets")));
    }

    @Test
    void noOperationOfAnyServiceTakesAUrl() throws IOException {
        Path contracts = repoRoot().resolve("openapi");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(contracts)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher named = URL_NAMED.matcher(lines.get(i));
                    if (named.matches() && !STORED_NOT_FETCHED.contains(named.group(1))) {
                        found.add(file.getFileName() + ":" + (i + 1) + " " + lines.get(i).trim());
                    }
                    if (URL_FORMAT.matcher(lines.get(i)).matches()) {
                        found.add(file.getFileName() + ":" + (i + 1) + " " + lines.get(i).trim());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "URL-valued parameters or fields: each must be stored only, never fetched");
    }

    private static Path repoRoot() {
        String root = System.getProperty("dengta.repo.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }
}
