package org.openill.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.openill.server.DatabaseAccounts;
import org.openill.server.DatabaseSettings;
import org.openill.server.EmbeddedDatabase;
import org.openill.server.IllServer;
import org.openill.server.Ports;
import org.openill.server.StartupProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Gives each test run a fresh PostgreSQL database before Arquillian starts WildFly: a throw-away embedded server, or,
 * when ILL_DB_URL is set, a new database on that server with a role of its own for the application (both dropped at
 * the end). Publishes the owner's and the application's accounts as the system properties ill.test.db.* that
 * arquillian.xml passes to WildFly, and prepares the server's base directory.
 */
public class TestDatabase implements LauncherSessionListener {

    private EmbeddedDatabase embedded;
    private DatabaseSettings admin;
    private String createdDatabase;
    private String createdRole;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("ill.server.home") == null) {
            return; // not a run of the integration tests
        }
        try {
            DatabaseAccounts database;
            DatabaseSettings external = DatabaseSettings.fromEnvironment(System.getenv());
            if (external == null) {
                Path dataDir = Path.of(System.getProperty("ill.it.data.dir"));
                embedded = EmbeddedDatabase.start(dataDir, Ports.anyFree(), false);
                database = embedded.database("ill_it");
            } else {
                external.verifyReachable();
                admin = external;
                createdDatabase = "ill_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                createdRole = createdDatabase + "_app";
                String rolePassword = UUID.randomUUID().toString();
                execute(admin, "CREATE DATABASE " + createdDatabase);
                execute(admin, "CREATE ROLE " + createdRole + " LOGIN NOSUPERUSER PASSWORD '" + rolePassword + "'");
                DatabaseSettings owner = admin.onDatabase(createdDatabase);
                database = new DatabaseAccounts(owner, owner.as(createdRole, rolePassword));
            }
            System.setProperty("ill.test.db.url", database.url());
            System.setProperty("ill.test.db.user", database.owner().user());
            System.setProperty("ill.test.db.password", database.owner().password());
            System.setProperty("ill.test.db.app.user", database.application().user());
            System.setProperty("ill.test.db.app.password", database.application().password());
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
                execute(admin, "DROP ROLE IF EXISTS " + createdRole);
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

    private static void execute(DatabaseSettings settings, String sql) throws StartupProblem {
        try (Connection connection = settings.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new StartupProblem(sql + " failed on " + settings.url() + ": " + e.getMessage(), e);
        }
    }
}
