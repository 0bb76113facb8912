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
}
