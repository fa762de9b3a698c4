package io.dengta.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.dengta.testing.PostgresCluster;

/**
 * Everything the end-to-end test runs, as a production deployment would: Keycloak with the realm export, a
 * PostgreSQL cluster with one database per service, and the runnable jars of the services and the gateway in
 * their production profile, each trusting only the Keycloak realm as issuer and requiring the
 * {@code dengta-api} audience. {@link #close} stops and removes all of it, also after a failed start.
 */
final class DengtaStack implements AutoCloseable {

    /** Every service and the gateway (targets-service reads the other two, so it starts after them in this list). */
    static final List<String> SERVICES = List.of("schools-service", "indicators-service", "targets-service", "gateway");
    static final String AUDIENCE = "dengta-api";
    private static final Duration KEYCLOAK_START = Duration.ofMinutes(10);
    private static final Duration SERVICE_START = Duration.ofMinutes(4);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, ChildProcess> services = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::stopAll, "e2e-teardown");
    private KeycloakServer keycloak;
    private KeyPair testKey;
    private String testKeyId;

    static DengtaStack start() {
        DengtaStack stack = new DengtaStack();
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        Path repoRoot = Path.of(requiredProperty("dengta.repo.root"));
        Path keycloakHome = Path.of(requiredProperty("dengta.e2e.keycloak-home"));
        Path logs = Path.of(requiredProperty("dengta.e2e.work-dir")).resolve("logs");
        Path keycloakJdk = Jdks.requireAtLeast(21);
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Path jar = repoRoot.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("No " + jar + ": build the services first (./mvnw verify builds "
                        + "them before this module; alone: ./mvnw -o verify -pl e2e -am)");
            }
            jars.put(service, jar);
        }

        keycloak = KeycloakServer.start(keycloakHome, keycloakJdk, repoRoot, logs, freePort(), freePort());
        started.push(keycloak);

        // PostgreSQL starts while Keycloak does
        PostgresCluster postgres = PostgresCluster.createAndStart();
        started.push(postgres::destroy);
        for (String database : List.of("schools", "indicators", "targets")) {
            postgres.createDatabase(database);
        }

        keycloak.awaitReady(KEYCLOAK_START);
        testKey = rsaKeyPair();
        testKeyId = keycloak.addSigningKey(testKey);

        SERVICES.forEach(service -> ports.put(service, freePort()));
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_PROFILE", "prod");
        environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer());
        environment.put("QUARKUS_OIDC_TOKEN_AUDIENCE", AUDIENCE);
        environment.put("DENGTA_DB_USER", PostgresCluster.USER);
        environment.put("DENGTA_DB_PASSWORD", PostgresCluster.PASSWORD);
        environment.put("DENGTA_SCHOOLS_DB_URL", postgres.jdbcUrl("schools"));
        environment.put("DENGTA_INDICATORS_DB_URL", postgres.jdbcUrl("indicators"));
        environment.put("DENGTA_SCHOOLS_URL", direct("schools-service"));
        environment.put("DENGTA_INDICATORS_URL", direct("indicators-service"));
        environment.put("DENGTA_TARGETS_DB_URL", postgres.jdbcUrl("targets"));
        environment.put("DENGTA_TARGETS_URL", direct("targets-service"));
        environment.put("DENGTA_SCHOOLS_NATIONAL_ID_SALT", UUID.randomUUID().toString());
        // the front-end origin the API guide's CORS example uses
        environment.put("DENGTA_CORS_ORIGINS", "http://localhost:5173");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String service : SERVICES) {
            ChildProcess process = ChildProcess.start(service,
                    List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx384m", "-Dquarkus.http.host=127.0.0.1",
                            "-Dquarkus.http.port=" + ports.get(service),
                            "-jar", jars.get(service).toString()),
                    environment, repoRoot.resolve(service), logs.resolve(service + ".log"));
            started.push(process);
            services.put(service, process);
        }
        services.forEach((service, process) ->
                process.awaitReady(URI.create(direct(service) + "/q/health/ready"), SERVICE_START));
    }

    KeycloakServer keycloak() {
        return keycloak;
    }

    /** The single entry point front-ends and feeds call. */
    String gateway() {
        return direct("gateway");
    }

    /** A service's own address, bypassing the gateway (each service checks tokens itself too). */
    String direct(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    KeyPair testKey() {
        return testKey;
    }

    String testKeyId() {
        return testKeyId;
    }

    /** The tails of every log, for a failure message. */
    String logs() {
        StringBuilder text = new StringBuilder();
        if (keycloak != null) {
            text.append("--- Keycloak\n").append(keycloak.tail()).append('\n');
        }
        services.forEach((name, process) -> text.append("--- ").append(name).append('\n').append(process.tail())
                .append('\n'));
        return text.toString();
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or ran
        }
    }

    private synchronized void stopAll() {
        RuntimeException failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Tearing down the end-to-end stack failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("Could not remove " + root, e);
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set (the e2e module's surefire "
                    + "configuration sets it; run the test through Maven)");
        }
        return value;
    }
}
