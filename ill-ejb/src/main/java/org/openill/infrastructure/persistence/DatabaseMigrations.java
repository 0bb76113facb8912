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
                // a new database that holds only the batch job repository's tables (which WildFly makes when it
                // boots, before this runs) is migrated from the start; any other non-empty schema is still refused
                .baselineOnMigrate(holdsOnlyTheBatchRepository())
                .baselineVersion("0")
                .load()
                .migrate();
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
        migrated.fire(new SchemaMigrated(schemaVersion));
    }

    /** The tables of WildFly's JDBC job repository (JBeret's), which migration V19 also makes sure of. */
    static final java.util.Set<String> BATCH_REPOSITORY = java.util.Set.of("job_instance", "job_execution",
            "step_execution", "partition_execution");

    /**
     * Whether the schema has never been migrated and holds nothing but the batch job repository's tables: the state
     * of a new database once WildFly has booted.
     */
    private boolean holdsOnlyTheBatchRepository() {
        try (Connection connection = ownerDataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()""")) {
            java.util.Set<String> tables = new java.util.HashSet<>();
            while (rows.next()) {
                tables.add(rows.getString(1).toLowerCase(java.util.Locale.ROOT));
            }
            return !tables.isEmpty() && BATCH_REPOSITORY.containsAll(tables);
        } catch (SQLException e) {
            throw new IllegalStateException("The owner's datasource cannot connect: " + e.getMessage(), e);
        }
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
