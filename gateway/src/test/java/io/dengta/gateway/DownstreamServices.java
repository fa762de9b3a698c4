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
 * only two seconds to answer (so a delayed stub is a slow service). A test-only route {@code /uploads/v1}
 * leads to an {@link UploadSink}.
 */
public class DownstreamServices implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;
    private UploadSink sink;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                // Jetty's gzip would rewrite ETags ("v1--gzip"); the services do not compress
                .gzipDisabled(true));
        server.start();
        sink = new UploadSink();
        sink.start();
        String url = "http://127.0.0.1:" + server.port();
        return Map.of(
                "dengta.gateway.routes.schools.url", url,
                "dengta.gateway.routes.indicators.url", "http://127.0.0.1:" + closedPort(),
                "dengta.gateway.routes.targets.url", url,
                "dengta.gateway.routes.targets.timeout", "2S",
                // a test-only route to a service that streams uploads into a digest (UploadSink)
                "dengta.gateway.routes.uploads.prefix", "/uploads/v1",
                "dengta.gateway.routes.uploads.url", sink.url(),
                "dengta.gateway.routes.uploads.timeout", "2S");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectDownstream.class, WireMockServer.class));
        testInjector.injectIntoFields(sink,
                new TestInjector.AnnotatedAndMatchesType(InjectDownstream.class, UploadSink.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
        if (sink != null) {
            sink.stop();
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
