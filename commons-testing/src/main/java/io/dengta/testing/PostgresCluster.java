package io.dengta.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster made from the server binaries on this machine ({@code initdb},
 * {@code pg_ctl}), listening on 127.0.0.1 on a free port, with its data in a temporary folder that
 * {@link #destroy()} removes. PostgreSQL refuses to run as root, so when the build runs as root the
 * cluster is owned and run by the {@code postgres} OS user.
 */
public final class PostgresCluster {

    public static final String USER = "dengta";
    public static final String PASSWORD = "dengta";

    private final Path binDir;
    private final Path dataDir;
    private final int port;
    private final boolean runAsPostgresUser;

    private PostgresCluster(Path binDir, Path dataDir, int port, boolean runAsPostgresUser) {
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.port = port;
        this.runAsPostgresUser = runAsPostgresUser;
    }

    /** Creates and starts a new cluster, or fails saying what to install or set. */
    public static PostgresCluster createAndStart() {
        Path bin = findBinaries().orElseThrow(() -> new IllegalStateException(
                "No PostgreSQL server binaries (initdb, pg_ctl) found on PATH, in $PG_BIN or under "
                        + "/usr/lib/postgresql/*/bin. Install PostgreSQL 15+ (Debian: apt-get install postgresql) "
                        + "or point the tests at a server with DENGTA_TEST_JDBC_URL (plus DENGTA_TEST_DB_USER and "
                        + "DENGTA_TEST_DB_PASSWORD), a URL of a database the user may create databases from."));
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path data = Files.createTempDirectory("dengta-pg-");
            if (root) {
                UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(data, users.lookupPrincipalByName("postgres"));
            }
            PostgresCluster cluster = new PostgresCluster(bin, data, freePort(), root);
            cluster.initdb();
            cluster.start();
            return cluster;
        } catch (IOException e) {
            throw new IllegalStateException("Could not create a PostgreSQL cluster: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a database owned by {@link #USER}. */
    public void createDatabase(String name) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    public void start() {
        run(pgCtl("start", "-w", "-t", "60", "-l", dataDir.resolve("server.log").toString(), "-o",
                "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"));
    }

    public void stop() {
        run(pgCtl("stop", "-w", "-m", "fast"));
    }

    /** Stops the server if it runs and removes its data. */
    public void destroy() {
        try {
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                stop();
            }
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private void initdb() throws IOException {
        Path pwFile = dataDir.resolveSibling(dataDir.getFileName() + ".pw");
        Files.writeString(pwFile, PASSWORD, StandardCharsets.UTF_8);
        pwFile.toFile().setReadable(true, false);
        try {
            run(command(binDir.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", USER,
                    "--pwfile=" + pwFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "-N"));
        } finally {
            Files.deleteIfExists(pwFile);
        }
    }

    private List<String> pgCtl(String... args) {
        List<String> cmd = new ArrayList<>(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString()));
        cmd.addAll(List.of(args));
        return command(cmd.toArray(String[]::new));
    }

    private List<String> command(String... args) {
        List<String> cmd = new ArrayList<>();
        if (runAsPostgresUser) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("Command failed: " + String.join(" ", command) + "\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }

    static Optional<Path> findBinaries() {
        String env = System.getenv("PG_BIN");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env)).filter(PostgresCluster::hasServerBinaries);
        }
        Optional<Path> installed = Optional.empty();
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                installed = versions.map(v -> v.resolve("bin"))
                        .filter(PostgresCluster::hasServerBinaries)
                        .max(Comparator.comparingInt(PostgresCluster::majorVersion));
            } catch (IOException e) {
                installed = Optional.empty();
            }
        }
        if (installed.isPresent()) {
            return installed;
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(":")).filter(s -> !s.isEmpty()).map(Path::of)
                .filter(PostgresCluster::hasServerBinaries).findFirst();
    }

    private static int majorVersion(Path binDir) {
        try {
            return Integer.parseInt(binDir.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean hasServerBinaries(Path dir) {
        return Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is not worth failing a test run for
        }
    }
}
