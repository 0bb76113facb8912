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
    private String secondDatabase;

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
                publish("ill.test.db.b", embedded.database("ill_it_b"));
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
                // the second server's database: its own, on the same PostgreSQL, with the same roles
                execute(admin, "CREATE DATABASE " + createdDatabase + "_b");
                secondDatabase = createdDatabase + "_b";
                DatabaseSettings ownerB = admin.onDatabase(secondDatabase);
                publish("ill.test.db.b", new DatabaseAccounts(ownerB, ownerB.as(createdRole, rolePassword)));
            }
            publish("ill.test.db", database);
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
                if (secondDatabase != null) {
                    execute(admin, "DROP DATABASE IF EXISTS " + secondDatabase + " WITH (FORCE)");
                }
                execute(admin, "DROP ROLE IF EXISTS " + createdRole);
            } catch (StartupProblem e) {
                System.err.println("Could not drop the test database " + createdDatabase + ": " + e.getMessage());
            }
        }
    }

    /** The accounts of a database as the system properties arquillian.xml passes to a server. */
    private static void publish(String prefix, DatabaseAccounts database) {
        System.setProperty(prefix + ".url", database.url());
        System.setProperty(prefix + ".user", database.owner().user());
        System.setProperty(prefix + ".password", database.owner().password());
        System.setProperty(prefix + ".app.user", database.application().user());
        System.setProperty(prefix + ".app.password", database.application().password());
    }

    /**
     * A base directory of its own, so the tests never meet what the run command deployed; and one for the second
     * server (TwoServersIT), next to it.
     */
    private static void prepareServerBaseDirectory() {
        Path home = Path.of(System.getProperty("ill.server.home"));
        Path base = Path.of(System.getProperty("ill.it.base.dir"));
        Path second = Path.of(base + "-b");
        System.setProperty("ill.it.base.dir.b", second.toString());
        try {
            IllServer.prepareBaseDirectory(home, base);
            IllServer.prepareBaseDirectory(home, second);
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
