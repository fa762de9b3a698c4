package io.dengta.commons.security;

import java.util.Optional;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Refuses to start in the production profile with a locally trusted public key: the development issuer
 * of {@code ./run.sh} is for the {@code local} profile only, production trusts only the configured
 * OIDC issuer ({@code QUARKUS_OIDC_AUTH_SERVER_URL}).
 */
public class DevIssuerGuard {

    void check(@Observes StartupEvent event) {
        boolean production = ConfigUtils.getProfiles().contains("prod")
                && !ConfigUtils.getProfiles().contains("local");
        Optional<String> publicKey = ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.public-key", String.class);
        if (production && publicKey.isPresent()) {
            throw new IllegalStateException("quarkus.oidc.public-key is set in the production profile: the local "
                    + "development issuer cannot be used in production; configure QUARKUS_OIDC_AUTH_SERVER_URL");
        }
    }
}
