package io.dengta.targets.target;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * indicators-service's catalog for the tests: a WireMock server that knows a few indicators (any other code is a
 * 404, as the real service answers) on the port the test profile's {@code indicators-api} URL points at.
 */
public class IndicatorsStub implements QuarkusTestResourceLifecycleManager {

    /** Every catalog file indicators-service's migrations load: V10's copy of shared/data, V45's and V48's additions. */
    private static final List<String> CATALOG_FILES = List.of("indicators.csv", "indicators-pupils.csv",
            "indicators-plan-targets.csv");

    /**
     * code → direction, unit: the real catalog of indicators-service (its reference data, every file), so a test that loads the
     * demo plans also proves every indicator code they use is in the catalog.
     */
    public static final Map<String, String[]> KNOWN = catalog();

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(freePort()).gzipDisabled(true));
        server.start();
        stubCatalog(server);
        return Map.of("dengta.test.indicators-stub-port", String.valueOf(server.port()));
    }

    static void stubCatalog(WireMockServer server) {
        KNOWN.forEach((code, info) -> server.stubFor(get(urlPathEqualTo("/indicators/v1/indicators/" + code))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": \"" + code + "\", \"direction\": \"" + info[0] + "\", \"unit\": \"" + info[1]
                                + "\", \"level\": \"both\"}"))));
    }

    /** Stops indicators-service (connections are refused) until {@link #bringBack()}. */
    public static void takeDown() {
        server.stop();
    }

    public static void bringBack() {
        if (!server.isRunning()) {
            server.start();
            stubCatalog(server);
        }
    }

    public static int requestsFor(String code) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlPathEqualTo("/indicators/v1/indicators/" + code))).size();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static Map<String, String[]> catalog() {
        Map<String, String[]> known = new HashMap<>();
        for (String file : CATALOG_FILES) {
            Path csv = Path.of("../indicators-service/src/main/resources/reference-data", file);
            try {
                List<String> lines = Files.readAllLines(csv);
                for (String line : lines.subList(1, lines.size())) {
                    List<String> fields = fields(line);
                    if (fields.size() > 4) {
                        known.put(fields.get(0), new String[] { fields.get(4), fields.get(3) });
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the catalog of indicators-service is read from " + csv.toAbsolutePath(), e);
            }
        }
        return Map.copyOf(known);
    }

    /** The fields of one CSV line (quotes may hold commas). */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
