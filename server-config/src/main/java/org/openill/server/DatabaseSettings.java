package org.openill.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One account on a PostgreSQL database: its JDBC URL, user and password. Never shows the password: not in
 * {@link #toString()}, not in a message, not even when the URL carries one.
 */
public record DatabaseSettings(String url, String user, String password) {

    /** A password given as a URL parameter (password=, sslpassword=) or as user:password@ before the host. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)((?:ssl)?password=)[^&]*|(//[^/@:]*:)[^/@]*@");

    /** The settings from ILL_DB_URL, ILL_DB_USER and ILL_DB_PASSWORD, or null when ILL_DB_URL is not set. */
    public static DatabaseSettings fromEnvironment(Map<String, String> env) {
        String url = env.get("ILL_DB_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        return new DatabaseSettings(url.trim(), env.getOrDefault("ILL_DB_USER", "ill"),
                env.getOrDefault("ILL_DB_PASSWORD", "ill"));
    }

    /** The URL with any password in it replaced by ***, fit to print. */
    public String printableUrl() {
        return URL_PASSWORD.matcher(url).replaceAll(match -> Matcher.quoteReplacement(
                match.group(1) != null ? match.group(1) + "***" : match.group(2) + "***@"));
    }

    /** The same account on another database of the same server. */
    public DatabaseSettings onDatabase(String database) {
        int query = url.indexOf('?');
        String params = query < 0 ? "" : url.substring(query);
        String base = query < 0 ? url : url.substring(0, query);
        return new DatabaseSettings(base.substring(0, base.lastIndexOf('/') + 1) + database + params, user, password);
    }

    /** Another account on the same database. */
    public DatabaseSettings as(String otherUser, String otherPassword) {
        return new DatabaseSettings(url, otherUser, otherPassword);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + printableUrl() + ", user=" + user + ", password=***]";
    }

    /**
     * Opens a connection once to tell, before the application server starts, whether the database can be used.
     *
     * @throws StartupProblem with a one-line explanation when it cannot
     */
    public void verifyReachable() throws StartupProblem {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new StartupProblem("ILL_DB_URL must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://127.0.0.1:5432/ill, not '" + printableUrl() + "'.");
        }
        try (Connection ignored = connect()) {
            // reachable, and the credentials are accepted
        } catch (SQLException e) {
            throw new StartupProblem(explain(e), e);
        }
    }

    /** A new connection with this account (given up after 5 seconds without an answer). */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, props);
    }

    String explain(SQLException e) {
        String url = printableUrl();
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
