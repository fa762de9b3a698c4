package io.dengta.targets.progress;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * indicators-service's series and change feed and schools-service's statistics for the tests: one WireMock server on
 * the port the test profile's {@code indicators-reads} and {@code schools-api} URLs point at. A test can stop it
 * (connections refused, as with the service down) and start it again.
 */
public class SourcesStub implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(freePort()).gzipDisabled(true));
        server.start();
        schools();
        return Map.of("dengta.test.sources-stub-port", String.valueOf(server.port()));
    }

    /** The school that code 3201130077 suggests is in Qixia (320113), but schools-service places it in Binhu. */
    public static final String SCHOOL_MOVED_TO_BINHU = "3201130077";

    /**
     * schools-service's registry: the tests' schools, each in the region of its code's first 6 digits, except
     * {@link #SCHOOL_MOVED_TO_BINHU}; any other code is unknown (404).
     */
    private static void schools() {
        for (String code : java.util.List.of("3201130001", "3201130008", "3201130009", "3201139001", "3201139002",
                "3201139101", "3201139102", "3202119001")) {
            school(code, code.substring(0, 6));
        }
        school(SCHOOL_MOVED_TO_BINHU, "320211");
    }

    private static void school(String code, String region) {
        server.stubFor(get(urlPathEqualTo("/schools/v1/schools/" + code)).willReturn(json(
                "{\"code\": \"" + code + "\", \"name\": \"测试学校\", \"region\": \"" + region + "\"}")));
    }

    /** The series of {@code indicator} for {@code unit}: {@code points} is the JSON array of points. */
    public static void series(String unit, String indicator, String points) {
        server.stubFor(get(urlPathEqualTo("/indicators/v1/series")).withQueryParam("unit", equalTo(unit))
                .withQueryParam("indicators", equalTo(indicator))
                .willReturn(json("""
                        {"unit": "%s", "unitType": "region", "series": [{"indicator": "%s", "indicatorUnit": "%%", "points": %s}]}"""
                        .formatted(unit, indicator, points))));
    }

    /** The change feed: after {@code after}, {@code items} (a JSON array) and {@code next}. */
    public static void changes(long after, String items, long next) {
        server.stubFor(get(urlPathEqualTo("/indicators/v1/changes")).withQueryParam("after", equalTo(Long.toString(after)))
                .willReturn(json("{\"items\": " + items + ", \"next\": " + next + "}")));
    }

    /** A region's statistics for a school year with one count statistic. */
    public static void registryCount(String region, String schoolYear, String indicator, int count) {
        server.stubFor(get(urlPathEqualTo("/schools/v1/statistics")).withQueryParam("region", equalTo(region))
                .withQueryParam("schoolYear", equalTo(schoolYear))
                .willReturn(json("""
                        {"region": "%s", "schoolYear": "%s", "schools": 3, "statistics": [{"statistic": "seats-added",
                         "indicator": "%s", "stage": null, "numerator": %d, "denominator": null, "value": %d, "unit": "count"}]}"""
                        .formatted(region, schoolYear, indicator, count, count))));
    }

    public static void emptyRegistry(String region) {
        server.stubFor(get(urlPathEqualTo("/schools/v1/statistics")).withQueryParam("region", equalTo(region)).atPriority(10)
                .willReturn(json("{\"region\": \"" + region + "\", \"schools\": 0, \"statistics\": []}")));
    }

    /** Readiness of the services behind the stub: UP ({@code true}) or no such endpoint (404). */
    public static void ready(boolean up) {
        if (up) {
            server.stubFor(get(urlPathEqualTo("/q/health/ready")).willReturn(json("{\"status\": \"UP\", \"checks\": []}")));
        } else {
            server.getStubMappings().stream().filter(m -> m.getRequest().getUrlPath() != null
                    && m.getRequest().getUrlPath().equals("/q/health/ready")).toList().forEach(server::removeStubMapping);
        }
    }

    public static int seriesRequests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/indicators/v1/series"))).size();
    }

    /** Stops the sources (connections are refused) until {@link #bringBack()}. */
    public static void takeDown() {
        server.stop();
    }

    /** Starts the sources again on the same port, with the stubs they had. */
    public static void bringBack() {
        if (!server.isRunning()) {
            server.start();
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
