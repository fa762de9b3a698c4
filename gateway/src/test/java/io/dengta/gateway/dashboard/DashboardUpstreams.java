package io.dengta.gateway.dashboard;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The three services the dashboards read, as one WireMock server, with a short part timeout so a delayed stub
 * is a hanging service.
 */
public class DashboardUpstreams implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true));
        server.start();
        String url = "http://127.0.0.1:" + server.port();
        return Map.of(
                "dengta.dashboard.schools-url", url,
                "dengta.dashboard.indicators-url", url,
                "dengta.dashboard.targets-url", url,
                "dengta.dashboard.part-timeout", "2S");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectDashboardUpstreams.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
