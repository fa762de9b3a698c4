package io.dengta.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a Quarkus test a fresh, real PostgreSQL database.
 * <p>
 * With {@code DENGTA_TEST_JDBC_URL} set (a URL of an existing database on a server, with
 * {@code DENGTA_TEST_DB_USER}/{@code DENGTA_TEST_DB_PASSWORD}), it creates a uniquely named database on
 * that server and drops it afterwards. Otherwise it starts a throwaway cluster from the PostgreSQL
 * binaries on the machine ({@link PostgresCluster}) and removes it afterwards.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private PostgresCluster cluster;
    private String externalUrl;
    private String database;

    @Override
    public Map<String, String> start() {
        database = "dengta_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String given = System.getenv("DENGTA_TEST_JDBC_URL");
        if (given != null && !given.isBlank()) {
            externalUrl = given;
            String user = env("DENGTA_TEST_DB_USER", "postgres");
            String password = env("DENGTA_TEST_DB_PASSWORD", "");
            execute(given, user, password, "CREATE DATABASE " + database);
            return config(given.substring(0, given.lastIndexOf('/') + 1) + database, user, password);
        }
        cluster = PostgresCluster.createAndStart();
        cluster.createDatabase(database);
        return config(cluster.jdbcUrl(database), PostgresCluster.USER, PostgresCluster.PASSWORD);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(cluster,
                new TestInjector.AnnotatedAndMatchesType(InjectPostgres.class, PostgresCluster.class));
    }

    @Override
    public void stop() {
        if (cluster != null) {
            cluster.destroy();
        } else if (externalUrl != null) {
            execute(externalUrl, env("DENGTA_TEST_DB_USER", "postgres"), env("DENGTA_TEST_DB_PASSWORD", ""),
                    "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static Map<String, String> config(String url, String user, String password) {
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
