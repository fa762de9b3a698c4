package io.dengta.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Keycloak server distribution from Maven Central, started in development mode on loopback with the
 * {@code dengta} realm of {@code deploy/keycloak} imported (realm, then the demo users), an in-memory database,
 * a temporary admin with a random password, and a random secret for the city feed client.
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM = "dengta";
    static final String FEED_CLIENT = "nanjing-city-feed";
    static final String DEMO_CLIENT = "dengta-demo-cli";

    private final ChildProcess process;
    private final Path dataDir;
    private final String baseUrl;
    private final String adminPassword;
    private final String feedSecret;

    private KeycloakServer(ChildProcess process, Path dataDir, String baseUrl, String adminPassword, String feedSecret) {
        this.process = process;
        this.dataDir = dataDir;
        this.baseUrl = baseUrl;
        this.adminPassword = adminPassword;
        this.feedSecret = feedSecret;
    }

    /** Starts Keycloak; call {@link #awaitReady} before using it. */
    static KeycloakServer start(Path home, Path javaHome, Path repoRoot, Path logDir, int port, int managementPort) {
        Path kcSh = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new IllegalStateException("No Keycloak distribution at " + home + " (the build unpacks "
                    + "org.keycloak:keycloak-quarkus-dist there in process-test-resources)");
        }
        Path dataDir = home.resolve("data");
        try {
            Files.createDirectories(logDir);
            Files.deleteIfExists(logDir.resolve("keycloak.log"));
            DengtaStack.deleteRecursively(dataDir);
            Path importDir = Files.createDirectories(dataDir.resolve("import"));
            Files.copy(repoRoot.resolve("deploy/keycloak/dengta-realm.json"), importDir.resolve("dengta-realm.json"));
            Files.copy(repoRoot.resolve("deploy/keycloak/demo/dengta-users-0.json"),
                    importDir.resolve("dengta-users-0.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Keycloak's import folder", e);
        }
        String adminPassword = UUID.randomUUID().toString();
        String feedSecret = UUID.randomUUID().toString();
        ChildProcess process = ChildProcess.start("Keycloak",
                List.of("bash", kcSh.toString(), "start-dev", "--import-realm", "--db=dev-mem",
                        "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort),
                Map.of("JAVA_HOME", javaHome.toString(),
                        "JAVA", javaHome.resolve("bin/java").toString(),
                        // a short-lived server: the quick JIT tier starts it faster on two cores
                        "JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1",
                        "KC_BOOTSTRAP_ADMIN_USERNAME", "e2e-admin",
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword,
                        // the realm export reads the feed client's secret from here (its default is demo-only)
                        "DENGTA_FEED_CLIENT_SECRET", feedSecret),
                home, logDir.resolve("keycloak.log"));
        return new KeycloakServer(process, dataDir, "http://127.0.0.1:" + port, adminPassword, feedSecret);
    }

    void awaitReady(Duration timeout) {
        // the realm's discovery document answers once the import has finished
        process.awaitReady(URI.create(issuer() + "/.well-known/openid-configuration"), timeout);
    }

    String issuer() {
        return baseUrl + "/realms/" + REALM;
    }

    String baseUrl() {
        return baseUrl;
    }

    String feedSecret() {
        return feedSecret;
    }

    /** An access token for a demo user (resource-owner password grant of the demo client). */
    String passwordToken(String username, String password) {
        return token(REALM, Map.of("grant_type", "password", "client_id", DEMO_CLIENT, "username", username,
                "password", password));
    }

    /** An access token for the city feed's service account (client-credentials grant). */
    String feedToken(String secret) {
        return token(REALM, Map.of("grant_type", "client_credentials", "client_id", FEED_CLIENT,
                "client_secret", secret));
    }

    /** A token of the built-in admin-cli client in the dengta realm: the user's roles, but not for the Dengta API. */
    String adminCliToken(String username, String password) {
        return token(REALM, Map.of("grant_type", "password", "client_id", "admin-cli", "username", username,
                "password", password));
    }

    /** The temporary administrator's token, issued by the master realm (another issuer than the services trust). */
    String masterAdminToken() {
        return token("master", Map.of("grant_type", "password", "client_id", "admin-cli", "username", "e2e-admin",
                "password", adminPassword));
    }

    Http.Reply tokenRequest(Map<String, String> form) {
        return Http.postForm(issuer() + "/protocol/openid-connect/token", form);
    }

    /**
     * Adds an RSA signing key to the realm (lower priority than the realm's own, so Keycloak keeps signing with
     * its key) and returns its key id: the realm publishes it, so tokens the test signs with it are, but for what
     * the test puts in them, exactly as trusted as Keycloak's own.
     */
    String addSigningKey(KeyPair keys) {
        String admin = masterAdminToken();
        String realmId = Http.get(baseUrl + "/admin/realms/" + REALM, admin).json().path("id").asText();
        Map<String, Object> component = Map.of(
                "name", "e2e-test-key",
                "providerId", "rsa",
                "providerType", "org.keycloak.keys.KeyProvider",
                "parentId", realmId,
                "config", Map.of(
                        "privateKey", List.of(Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded())),
                        "priority", List.of("1"),
                        "enabled", List.of("true"),
                        "active", List.of("true"),
                        "algorithm", List.of("RS256")));
        Http.Reply created = Http.postJson(baseUrl + "/admin/realms/" + REALM + "/components", admin, component);
        if (created.status() != 201) {
            throw new IllegalStateException("Keycloak refused the test signing key: " + created);
        }
        String location = created.header("Location");
        String componentId = location.substring(location.lastIndexOf('/') + 1);
        for (JsonNode key : Http.get(baseUrl + "/admin/realms/" + REALM + "/keys", admin).json().path("keys")) {
            if (componentId.equals(key.path("providerId").asText()) && "RS256".equals(key.path("algorithm").asText())) {
                return key.path("kid").asText();
            }
        }
        throw new IllegalStateException("The test signing key is not among the realm's keys");
    }

    private String token(String realm, Map<String, String> form) {
        Http.Reply reply = Http.postForm(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token", form);
        if (reply.status() != 200) {
            throw new IllegalStateException("Keycloak issued no token for " + form.get("client_id") + "/"
                    + form.getOrDefault("username", "(service account)") + ": " + reply);
        }
        return reply.json().path("access_token").asText();
    }

    String tail() {
        return process.tail();
    }

    @Override
    public void close() {
        try {
            process.close();
        } finally {
            DengtaStack.deleteRecursively(dataDir);
        }
    }
}
