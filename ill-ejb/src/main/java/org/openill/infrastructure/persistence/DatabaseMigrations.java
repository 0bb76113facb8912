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
import java.util.logging.Logger;

/**
 * Brings the database schema to the version this build needs, with the Flyway migrations under db/migration, when
 * the application starts; an existing database is upgraded in place. Until it has run, the application is not ready.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Flyway runs its own transactions
public class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = "java:jboss/datasources/IllDS")
    private DataSource dataSource;

    @Inject
    Event<SchemaMigrated> migrated;

    private volatile String schemaVersion;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
        migrated.fire(new SchemaMigrated(schemaVersion));
    }

    /** The schema version after migration, or null while migrations have not run. */
    public String schemaVersion() {
        return schemaVersion;
    }
}
