package io.dengta.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The services behind the gateway, for tests: schools-service and targets-service are one WireMock
 * server, indicators-service is a closed port (a service that is down), and targets-service may take
 * only one second to answer (so a delayed stub is a slow service).
 */
public class DownstreamServices implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                // Jetty's gzip would rewrite ETags ("v1--gzip"); the services do not compress
                .gzipDisabled(true));
        server.start();
        String url = "http://127.0.0.1:" + server.port();
        return Map.of(
                "dengta.gateway.routes.schools.url", url,
                "dengta.gateway.routes.indicators.url", "http://127.0.0.1:" + closedPort(),
                "dengta.gateway.routes.targets.url", url,
                "dengta.gateway.routes.targets.timeout", "1S");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectDownstream.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A port nothing listens on: taken from the OS, then released. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
