package org.openill.server;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseSettingsTest {

    private final DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db.example.org:5432/ill", "ill", "secret");

    @Test
    void noUrlMeansTheEmbeddedDatabase() {
        assertNull(DatabaseSettings.fromEnvironment(Map.of("ILL_DB_USER", "someone")));
        assertNull(DatabaseSettings.fromEnvironment(Map.of("ILL_DB_URL", " ")));
    }

    @Test
    void environmentNamesTheExternalDatabase() {
        DatabaseSettings external = DatabaseSettings.fromEnvironment(Map.of(
                "ILL_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test", "ILL_DB_USER", "postgres", "ILL_DB_PASSWORD", "pw"));
        assertEquals(new DatabaseSettings("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "pw"), external);
    }

    @Test
    void wrongPasswordIsExplainedInOneLine() {
        String message = settings.explain(new SQLException("FATAL: password authentication failed", "28P01"));
        assertEquals("The database at jdbc:postgresql://db.example.org:5432/ill refused user 'ill' (wrong password or "
                + "no such role): set ILL_DB_USER and ILL_DB_PASSWORD to an account that may log in.", message);
    }

    @Test
    void unreachableServerAndMissingDatabaseSayWhatToDo() {
        assertTrue(settings.explain(new SQLException("Connection refused", "08001")).startsWith("Cannot reach PostgreSQL at"));
        assertTrue(settings.explain(new SQLException("no such database", "3D000")).contains("does not exist: create it"));
        String other = settings.explain(new SQLException("first line\nsecond line", "XX000"));
        assertFalse(other.contains("\n"), other);
    }

    @Test
    void unreachablePortGivesAStartupProblem() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        DatabaseSettings nowhere = new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + port + "/ill", "ill", "x");
        StartupProblem problem = assertThrows(StartupProblem.class, nowhere::verifyReachable);
        assertTrue(problem.getMessage().startsWith("Cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:" + port),
                problem.getMessage());
    }

    @Test
    void nonPostgresqlUrlIsRefused() {
        DatabaseSettings mysql = new DatabaseSettings("jdbc:mysql://localhost/ill", "ill", "x");
        StartupProblem problem = assertThrows(StartupProblem.class, mysql::verifyReachable);
        assertTrue(problem.getMessage().startsWith("ILL_DB_URL must be a PostgreSQL JDBC URL"), problem.getMessage());
    }

    @Test
    void aBoundPortIsNotFree() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertFalse(Ports.isFree(taken.getLocalPort()));
        }
        assertTrue(Ports.isFree(Ports.anyFree()));
    }

    @Test
    void aPasswordInTheUrlIsNeverPrinted() {
        DatabaseSettings withSecrets = new DatabaseSettings(
                "jdbc:postgresql://db.example.org/ill?user=ill&password=s3cr$t&sslpassword=k3y&ssl=true", "ill", "pw");
        assertEquals("jdbc:postgresql://db.example.org/ill?user=ill&password=***&sslpassword=***&ssl=true",
                withSecrets.printableUrl());
        assertFalse(withSecrets.toString().contains("s3cr"), withSecrets.toString());
        assertFalse(withSecrets.toString().contains("pw"), withSecrets.toString());
        assertEquals("jdbc:postgresql://ill:***@db.example.org/ill",
                new DatabaseSettings("jdbc:postgresql://ill:$ecret@db.example.org/ill", "ill", "x").printableUrl());
        String refused = withSecrets.explain(new SQLException("FATAL: password authentication failed", "28P01"));
        assertFalse(refused.contains("s3cr") || refused.contains("k3y"), refused);
    }

    @Test
    void theApplicationRoleIsTheOwnerUnlessOneIsNamed() {
        Map<String, String> env = Map.of("ILL_DB_URL", "jdbc:postgresql://127.0.0.1:5432/ill",
                "ILL_DB_USER", "ill", "ILL_DB_PASSWORD", "owner-pw");
        DatabaseAccounts single = DatabaseAccounts.fromEnvironment(env);
        assertFalse(single.separateApplicationRole());
        assertEquals("ill", single.asEnvironment().get("ILL_DB_APP_USER"));

        Map<String, String> withRole = new java.util.HashMap<>(env);
        withRole.put("ILL_DB_APP_USER", "ill_app");
        withRole.put("ILL_DB_APP_PASSWORD", "a$(touch x)b");
        DatabaseAccounts two = DatabaseAccounts.fromEnvironment(withRole);
        assertTrue(two.separateApplicationRole());
        assertEquals(Map.of("ILL_DB_URL", "jdbc:postgresql://127.0.0.1:5432/ill", "ILL_DB_USER", "ill",
                "ILL_DB_PASSWORD", "owner-pw", "ILL_DB_APP_USER", "ill_app", "ILL_DB_APP_PASSWORD", "a$(touch x)b"),
                two.asEnvironment());
        assertNull(DatabaseAccounts.fromEnvironment(Map.of()));
    }

    @Test
    void sameAccountOnAnotherDatabaseKeepsTheUrlParameters() {
        assertEquals("jdbc:postgresql://h:5432/other?ssl=true",
                new DatabaseSettings("jdbc:postgresql://h:5432/ill?ssl=true", "u", "p").onDatabase("other").url());
    }
}
