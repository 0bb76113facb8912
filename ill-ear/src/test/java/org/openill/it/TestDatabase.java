package org.openill.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.openill.server.DatabaseSettings;
import org.openill.server.EmbeddedDatabase;
import org.openill.server.IllServer;
import org.openill.server.Ports;
import org.openill.server.StartupProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * Gives each test run a fresh PostgreSQL database before Arquillian starts WildFly: a throw-away embedded server, or,
 * when ILL_DB_URL is set, a new database on that server (dropped at the end). Publishes it as the system properties
 * ill.test.db.* that arquillian.xml passes to WildFly, and prepares the server's base directory.
 */
public class TestDatabase implements LauncherSessionListener {

    private EmbeddedDatabase embedded;
    private DatabaseSettings admin;
    private String createdDatabase;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("ill.server.home") == null) {
            return; // not a run of the integration tests
        }
        try {
            DatabaseSettings database = DatabaseSettings.fromEnvironment(System.getenv());
            if (database == null) {
                Path dataDir = Path.of(System.getProperty("ill.it.data.dir"));
                embedded = EmbeddedDatabase.start(dataDir, Ports.anyFree(), false);
                database = embedded.database("ill_it");
            } else {
                database.verifyReachable();
                admin = database;
                createdDatabase = "ill_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                execute(admin, "CREATE DATABASE " + createdDatabase);
                database = new DatabaseSettings(withDatabase(admin.url(), createdDatabase), admin.user(), admin.password());
            }
            System.setProperty("ill.test.db.url", database.url());
            System.setProperty("ill.test.db.user", database.user());
            System.setProperty("ill.test.db.password", database.password());
            prepareServerBaseDirectory();
        } catch (StartupProblem e) {
            throw new IllegalStateException("No database for the integration tests: " + e.getMessage(), e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (embedded != null) {
            embedded.close();
        }
        if (createdDatabase != null) {
            try {
                execute(admin, "DROP DATABASE IF EXISTS " + createdDatabase + " WITH (FORCE)");
            } catch (StartupProblem e) {
                System.err.println("Could not drop the test database " + createdDatabase + ": " + e.getMessage());
            }
        }
    }

    /** A base directory of its own, so the tests never meet what the run command deployed. */
    private static void prepareServerBaseDirectory() {
        Path home = Path.of(System.getProperty("ill.server.home"));
        Path base = Path.of(System.getProperty("ill.it.base.dir"));
        try {
            IllServer.prepareBaseDirectory(home, base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String params = query < 0 ? "" : url.substring(query);
        String base = query < 0 ? url : url.substring(0, query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + params;
    }

    private static void execute(DatabaseSettings settings, String sql) throws StartupProblem {
        Properties props = new Properties();
        props.setProperty("user", settings.user());
        props.setProperty("password", settings.password());
        try (Connection connection = DriverManager.getConnection(settings.url(), props);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new StartupProblem(sql + " failed on " + settings.url() + ": " + e.getMessage(), e);
        }
    }
}
