package io.dengta.commons.security;

import java.util.List;

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
        check(ConfigUtils.getProfiles(),
                ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.public-key", String.class).isPresent());
    }

    static void check(List<String> activeProfiles, boolean localPublicKeyConfigured) {
        if (activeProfiles.contains("prod") && localPublicKeyConfigured) {
            throw new IllegalStateException("quarkus.oidc.public-key is set in the production profile: the local "
                    + "development issuer cannot be used in production; configure QUARKUS_OIDC_AUTH_SERVER_URL");
        }
    }
}
