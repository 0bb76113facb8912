package org.openill.it;

import jakarta.annotation.Resource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The append-only records stay append-only against the role the application runs as: the database refuses it any
 * change, deletion or truncation of them, and any way around their triggers.
 */
@ExtendWith(ArquillianExtension.class)
class AppendOnlyIT {

    private static final List<String> APPEND_ONLY =
            List.of("request_event", "supplier_event", "protocol_message", "audit_entry", "fee_charge", "reader_charge",
                    "reader_notification");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(AppendOnlyIT.class);
    }

    @Resource(lookup = "java:jboss/datasources/IllDS")
    DataSource application;

    @Resource(lookup = "java:jboss/datasources/IllOwnerDS")
    DataSource owner;

    @Test
    void theApplicationRunsAsARoleThatIsNeitherSuperuserNorOwner() throws SQLException {
        String applicationRole = single(application, "SELECT current_user");
        String ownerRole = single(owner, "SELECT current_user");
        assertNotEquals(ownerRole, applicationRole, "the application runs as the owner of the schema");
        assertEquals("false", single(application, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"));
        assertEquals("false", single(application, "SELECT bool_or(tableowner = current_user)::text FROM pg_tables "
                + "WHERE schemaname = current_schema()"), "the application role owns a table");
    }

    @Test
    void theApplicationRoleCannotUpdateDeleteOrTruncateAnAppendOnlyRecord() {
        for (String table : APPEND_ONLY) {
            assertRefused("UPDATE " + table + " SET id = id WHERE id < 0");
            assertRefused("DELETE FROM " + table + " WHERE id < 0");
            assertRefused("TRUNCATE " + table);
            assertRefused("ALTER TABLE " + table + " DISABLE TRIGGER ALL");
        }
        assertRefused("SET session_replication_role = replica");
        assertRefused("UPDATE reader_notification SET subject = 'changed' WHERE id < 0");
    }

    @Test
    void theApplicationRoleMayStillReadAddToAndMarkNotificationsSent() throws SQLException {
        for (String table : APPEND_ONLY) {
            single(application, "SELECT count(*) FROM " + table);
        }
        try (Connection connection = application.getConnection(); Statement statement = connection.createStatement()) {
            assertEquals(0, statement.executeUpdate("UPDATE reader_notification SET sent_at = now() WHERE id < 0"));
        }
    }

    @Test
    void evenTheOwnerIsStoppedByTheTriggerOfTheStaffAudit() throws SQLException {
        // the demo data's audit entries are there from the start; the transaction is undone whatever happens
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                SQLException refused = assertThrows(SQLException.class, () -> statement.executeUpdate(
                        "DELETE FROM audit_entry WHERE id = (SELECT min(id) FROM audit_entry)"));
                assertTrue(refused.getMessage().contains("cannot be changed"), refused.getMessage());
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private void assertRefused(String sql) {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Connection connection = application.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }, sql);
        assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
    }

    private static String single(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            assertTrue(row.next(), sql);
            String value = row.getString(1);
            assertFalse(row.next(), sql);
            return value;
        }
    }
}
