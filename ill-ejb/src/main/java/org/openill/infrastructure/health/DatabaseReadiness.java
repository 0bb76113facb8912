package org.openill.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Ready when the schema migrations have run and the database answers now.
 *
 * <p>This class is packed in the EJB client jar, which the EAR puts in lib/: WildFly's MicroProfile Health finds
 * readiness checks of an EAR only in its libraries, not in its EJB or web modules.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "java:jboss/datasources/IllDS")
    DataSource dataSource;

    private volatile String schemaVersion;

    void schemaMigrated(@Observes SchemaMigrated event) {
        schemaVersion = event.schemaVersion();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        String version = schemaVersion;
        if (version == null) {
            return response.down().withData("reason", "schema migrations have not run").build();
        }
        response.withData("schemaVersion", version);
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? response.up().build()
                    : response.down().withData("reason", "the database does not answer").build();
        } catch (SQLException e) {
            return response.down().withData("reason", String.valueOf(e.getMessage())).build();
        }
    }
}
