package org.openill.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Where the application's PostgreSQL database is: given by ILL_DB_URL, ILL_DB_USER and ILL_DB_PASSWORD, or, when
 * ILL_DB_URL is not set, the embedded PostgreSQL the launcher starts.
 */
public record DatabaseSettings(String url, String user, String password) {

    /** The settings from the environment, or null when none is configured. */
    public static DatabaseSettings fromEnvironment(Map<String, String> env) {
        String url = env.get("ILL_DB_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        return new DatabaseSettings(url.trim(), env.getOrDefault("ILL_DB_USER", "ill"),
                env.getOrDefault("ILL_DB_PASSWORD", "ill"));
    }

    /** The Java system properties that the datasource in ill.xml reads. */
    public String[] asSystemProperties() {
        return new String[] {"-Dill.db.url=" + url, "-Dill.db.user=" + user, "-Dill.db.password=" + password};
    }

    /**
     * Opens a connection once to tell, before the application server starts, whether the database can be used.
     *
     * @throws StartupProblem with a one-line explanation when it cannot
     */
    public void verifyReachable() throws StartupProblem {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new StartupProblem("ILL_DB_URL must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://127.0.0.1:5432/ill, not '" + url + "'.");
        }
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        try (Connection ignored = DriverManager.getConnection(url, props)) {
            // reachable, and the credentials are accepted
        } catch (SQLException e) {
            throw new StartupProblem(explain(e), e);
        }
    }

    String explain(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "28P01", "28000" -> "The database at " + url + " refused user '" + user
                    + "' (wrong password or no such role): set ILL_DB_USER and ILL_DB_PASSWORD to an account that may log in.";
            case "3D000" -> "The database named in " + url + " does not exist: create it (createdb) or correct ILL_DB_URL.";
            case "08001", "08004", "08006" -> "Cannot reach PostgreSQL at " + url
                    + ": is it running and accepting TCP connections? Start it, or correct ILL_DB_URL"
                    + " (unset ILL_DB_URL to use the embedded database).";
            default -> "Cannot use the database at " + url + ": " + firstLine(e.getMessage())
                    + " (check ILL_DB_URL, ILL_DB_USER, ILL_DB_PASSWORD).";
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
