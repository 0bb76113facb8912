package org.openill.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Tells whether the demo network's readers are in the database: their library card numbers are printed in the README,
 * so anyone could use them, and the person starting the server must know.
 */
final class DemoReaders {

    private static final String COUNT = "SELECT count(*) FROM reader r JOIN library l ON l.id = r.library_id "
            + "WHERE l.agency_id_type = 'ISIL' AND l.agency_id_value IN ('ZZ-NUL', 'ZZ-SCL', 'ZZ-ECL')";

    /** The PIN every demo reader signs in with (the demo data gives it them). */
    static final String PIN = "1234";

    /** The password of every demo staff account (the demo data opens them). */
    static final String STAFF_PASSWORD = "staff-demo";

    private DemoReaders() {
    }

    /** How many demo readers the database holds; empty when none (or when it cannot be told). */
    static Optional<Long> count(DatabaseSettings database) {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(COUNT)) {
            long readers = rows.next() ? rows.getLong(1) : 0;
            return readers > 0 ? Optional.of(readers) : Optional.empty();
        } catch (SQLException e) {
            System.err.println("Warning: cannot tell whether demo readers are loaded: " + e.getMessage());
            return Optional.empty();
        }
    }
}
