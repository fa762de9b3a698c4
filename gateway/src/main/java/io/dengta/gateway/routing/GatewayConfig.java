package io.dengta.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;

/** The services behind the gateway: {@code dengta.gateway.routes.<name>.prefix|url|timeout}. */
@ConfigMapping(prefix = "dengta.gateway")
public interface GatewayConfig {

    Map<String, Route> routes();

    interface Route {
        /** Path prefix the route serves, e.g. {@code /schools/v1}. */
        String prefix();

        /** Base URL of the service. */
        URI url();

        /** How long the service may take to start answering. */
        Duration timeout();
    }
}
