package org.openill.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.openill.infrastructure.health.SchemaMigrated;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Brings the database schema to the version this build needs, with the Flyway migrations under db/migration, when
 * the application starts; an existing database is upgraded in place. Until it has run, the application is not ready.
 * The migrations run as the owner of the schema (IllOwnerDS); afterwards the role the application runs as (the user
 * of IllDS) is given its rights (afterMigrate__runtime_role_rights.sql).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Flyway runs its own transactions
public class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = "java:jboss/datasources/IllOwnerDS")
    private DataSource ownerDataSource;

    @Resource(lookup = "java:jboss/datasources/IllDS")
    private DataSource applicationDataSource;

    @Inject
    Event<SchemaMigrated> migrated;

    private volatile String schemaVersion;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(ownerDataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of("runtimeRole", runtimeRole().replace("'", "''")))
                .load()
                .migrate();
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
        migrated.fire(new SchemaMigrated(schemaVersion));
    }

    /** The role the application's own connections log in as. */
    private String runtimeRole() {
        try (Connection connection = applicationDataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_user")) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The application's datasource cannot connect: " + e.getMessage(), e);
        }
    }

    /** The schema version after migration, or null while migrations have not run. */
    public String schemaVersion() {
        return schemaVersion;
    }
}
