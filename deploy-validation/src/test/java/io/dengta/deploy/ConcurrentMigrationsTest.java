package io.dengta.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dengta.testing.PostgresCluster;

/**
 * A Deployment's replicas start together and each runs Flyway at start-up
 * ({@code quarkus.flyway.migrate-at-start=true}). Three migrations of a service's real migrations (SQL and
 * Java, plus commons' shared tables, as {@code quarkus.flyway.locations} lists them) start at the same moment
 * against one fresh database: Flyway's PostgreSQL advisory lock serialises them, so all three succeed, end at
 * the same version, and every migration is applied exactly once.
 */
class ConcurrentMigrationsTest {

    private static PostgresCluster cluster;

    @BeforeAll
    static void startPostgres() {
        cluster = PostgresCluster.createAndStart();
    }

    @AfterAll
    static void stopPostgres() {
        if (cluster != null) {
            cluster.destroy();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"schools-service", "indicators-service", "targets-service"})
    void threeReplicasMigratingAtOnceAllEndAtTheSameVersion(String service) throws Exception {
        String database = service.replace("-service", "") + "_replicas";
        cluster.createDatabase(database);
        String url = cluster.jdbcUrl(database);
        int replicas = 3;
        CyclicBarrier start = new CyclicBarrier(replicas);
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        List<Future<MigrateResult>> runs = new ArrayList<>();
        try (URLClassLoader migrations = migrationsOf(service)) {
            for (int i = 0; i < replicas; i++) {
                runs.add(pool.submit(() -> {
                    Flyway flyway = Flyway.configure(migrations)
                            .dataSource(url, PostgresCluster.USER, PostgresCluster.PASSWORD)
                            .locations("classpath:db/migration", "classpath:db/commons")
                            .load();
                    start.await(60, TimeUnit.SECONDS);
                    return flyway.migrate();
                }));
            }
            List<MigrateResult> results = new ArrayList<>();
            for (Future<MigrateResult> run : runs) {
                results.add(run.get(5, TimeUnit.MINUTES)); // an exception in any replica fails here
            }
            assertTrue(results.stream().allMatch(r -> r.success), "a replica's migration failed");
            MigrationInfoService info = Flyway.configure(migrations)
                    .dataSource(url, PostgresCluster.USER, PostgresCluster.PASSWORD)
                    .locations("classpath:db/migration", "classpath:db/commons").load().info();
            String latest = Arrays.stream(info.all()).map(MigrationInfo::getVersion).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElseThrow().getVersion();
            assertEquals(0, info.pending().length, "migrations left pending");
            assertEquals(latest, info.current().getVersion().getVersion(), "the database ends at the latest version");
            // a replica that found the work done executed nothing (its initial version is whatever it read before
            // the lock, so it says nothing); one that migrated went up to the latest
            for (MigrateResult r : results) {
                if (r.migrationsExecuted > 0) {
                    assertEquals(latest, r.targetSchemaVersion, "a replica that migrated reached the latest version");
                }
            }
            assertEquals(results.stream().mapToInt(r -> r.migrationsExecuted).sum(), appliedOnce(url),
                    "each migration ran in exactly one replica");
            assertTrue(results.stream().mapToInt(r -> r.migrationsExecuted).sum() > 0, "no migration found for " + service);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Rows of the schema history: each version once, all successful. */
    private static int appliedOnce(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, PostgresCluster.USER, PostgresCluster.PASSWORD);
                Statement s = c.createStatement()) {
            try (ResultSet failed = s.executeQuery("select count(*) from flyway_schema_history where not success")) {
                failed.next();
                assertEquals(0, failed.getInt(1), "failed migrations in the history");
            }
            try (ResultSet twice = s.executeQuery(
                    "select count(*) from (select version from flyway_schema_history where version is not null"
                            + " group by version having count(*) > 1) v")) {
                twice.next();
                assertEquals(0, twice.getInt(1), "a version applied twice");
            }
            try (ResultSet rows = s.executeQuery("select count(*) from flyway_schema_history where version is not null")) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /**
     * The service's own migrations only: all four services are on the test classpath and share the package
     * {@code db.migration}, so the parent hides it and the service's compiled classes supply it.
     */
    private static URLClassLoader migrationsOf(String service) throws IOException {
        Path classes = ServiceConfig.repoRoot().resolve(service).resolve("target/classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException(classes + " is missing: build " + service + " first (the reactor does)");
        }
        ClassLoader hiding = new ClassLoader(ConcurrentMigrationsTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("db.migration.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }

            @Override
            public URL getResource(String name) {
                return name.startsWith("db/migration") ? null : super.getResource(name);
            }

            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.startsWith("db/migration") ? Collections.emptyEnumeration() : super.getResources(name);
            }
        };
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, hiding);
    }
}
