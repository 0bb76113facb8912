package org.openill.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded PostgreSQL as the launcher starts it: a real server, in a folder of the test's own. */
class EmbeddedDatabaseTest {

    @Test
    void committedWorkIsWrittenToDiskAndTheServerListensOnLoopbackOnly(@TempDir Path temp) throws Exception {
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(temp.resolve("pg"), Ports.anyFree(), true)) {
            DatabaseSettings owner = postgres.database("ill").owner();
            assertEquals("on", show(owner, "fsync"));
            assertEquals("on", show(owner, "synchronous_commit"));
            assertEquals("on", show(owner, "full_page_writes"));
            assertEquals("127.0.0.1", show(owner, "listen_addresses"));
            DatabaseSettings superuser = owner.as(EmbeddedDatabase.SUPERUSER,
                    Credentials.in(postgres.credentialsFile()).passwordOf(EmbeddedDatabase.SUPERUSER));
            assertEquals("", show(superuser, "unix_socket_directories"), "no Unix socket");
        }
    }

    @Test
    void everyConnectionNeedsThePasswordKeptInAnOwnerOnlyFile(@TempDir Path temp) throws Exception {
        Path data = temp.resolve("pg");
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(data, Ports.anyFree(), true)) {
            DatabaseAccounts accounts = postgres.database("ill");
            Path credentials = EmbeddedDatabase.credentialsFile(data);
            assertEquals(Credentials.OWNER_ONLY, Files.getPosixFilePermissions(credentials));
            assertTrue(Files.readString(credentials).contains(accounts.application().password()));

            for (String user : new String[] {EmbeddedDatabase.SUPERUSER, "ill", "ill_app"}) {
                SQLException refused = assertThrows(SQLException.class,
                        () -> connect(accounts.owner().as(user, "not-the-password")).close(), user);
                assertEquals("28P01", refused.getSQLState(), user + ": " + refused.getMessage());
            }
            try (Connection ignored = connect(accounts.application())) {
                // the right password is accepted
            }
        }
    }

    @Test
    void theApplicationRoleIsNoSuperuserAndCannotDisableTriggers(@TempDir Path temp) throws Exception {
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(temp.resolve("pg"), Ports.anyFree(), false)) {
            DatabaseAccounts accounts = postgres.database("ill");
            execute(accounts.owner(), "CREATE TABLE history (line text)");
            execute(accounts.owner(), "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN RAISE EXCEPTION 'append-only'; END $$");
            execute(accounts.owner(), "CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON history "
                    + "FOR EACH ROW EXECUTE FUNCTION refuse()");
            execute(accounts.owner(), "GRANT USAGE ON SCHEMA public TO ill_app");
            execute(accounts.owner(), "GRANT SELECT, INSERT ON history TO ill_app");

            try (Connection application = connect(accounts.application());
                 Statement statement = application.createStatement();
                 ResultSet role = statement.executeQuery("SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls "
                         + "FROM pg_roles WHERE rolname = current_user")) {
                assertTrue(role.next());
                for (int column = 1; column <= 4; column++) {
                    assertFalse(role.getBoolean(column), "the application role has attribute " + column);
                }
            }
            assertRefused(accounts.application(), "ALTER TABLE history DISABLE TRIGGER ALL");
            assertRefused(accounts.application(), "SET session_replication_role = replica");
            assertRefused(accounts.application(), "CREATE TABLE intruder (x int)");
            assertRefused(accounts.application(), "DROP TABLE history");
        }
    }

    @Test
    void theSamePasswordsOpenTheDatabaseAfterARestart(@TempDir Path temp) throws Exception {
        Path data = temp.resolve("pg");
        int port = Ports.anyFree();
        DatabaseAccounts first;
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(data, port, true)) {
            first = postgres.database("ill");
            execute(first.owner(), "CREATE TABLE kept (x int)");
            execute(first.owner(), "INSERT INTO kept VALUES (42)");
        }
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(data, port, true)) {
            DatabaseAccounts again = postgres.database("ill");
            assertEquals(first, again);
            assertEquals("42", query(again.owner(), "SELECT x FROM kept"));
        }
    }

    @Test
    void aDataFolderThatTrustedEveryConnectionIsSecuredOnItsNextStart(@TempDir Path temp) throws Exception {
        Path data = temp.resolve("pg");
        int port = Ports.anyFree();
        // as earlier versions made it: trust authentication, no passwords
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(data.toFile())
                .setCleanDataDirectory(false).setPort(port).start()) {
            legacy.getPostgresDatabase().getConnection().close();
        }
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(data, port, true)) {
            DatabaseAccounts accounts = postgres.database("ill");
            SQLException refused = assertThrows(SQLException.class,
                    () -> connect(accounts.owner().as(EmbeddedDatabase.SUPERUSER, "trusted-before")).close());
            assertEquals("28P01", refused.getSQLState(), refused.getMessage());
            assertEquals("on", show(accounts.owner(), "fsync"));
        }
    }

    private static void assertRefused(DatabaseSettings account, String sql) {
        SQLException refused = assertThrows(SQLException.class, () -> execute(account, sql), sql);
        assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
    }

    private static String show(DatabaseSettings account, String setting) throws SQLException {
        return query(account, "SHOW " + setting);
    }

    private static String query(DatabaseSettings account, String sql) throws SQLException {
        try (Connection connection = connect(account);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            assertTrue(row.next());
            return row.getString(1);
        }
    }

    private static void execute(DatabaseSettings account, String sql) throws SQLException {
        try (Connection connection = connect(account); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(DatabaseSettings account) throws SQLException {
        return account.connect();
    }
}
