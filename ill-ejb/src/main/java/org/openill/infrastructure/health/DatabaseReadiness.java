package org.openill.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * Ready when the schema migrations have run and the database answers now.
 *
 * <p>This class is packed in the EJB client jar, which the EAR puts in lib/: WildFly's MicroProfile Health finds
 * readiness checks of an EAR only in its libraries, not in its EJB or web modules.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "database";

    @Resource(lookup = "java:jboss/datasources/IllDS")
    DataSource dataSource;

    private volatile String schemaVersion;

    void schemaMigrated(@Observes SchemaMigrated event) {
        schemaVersion = event.schemaVersion();
    }

    @Override
    public HealthCheckResponse call() {
        String version = schemaVersion;
        if (version == null) {
            return down(Map.of("reason", "schema migrations have not run"));
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(2)) {
                return down(Map.of("schemaVersion", version, "reason", "the database does not answer"));
            }
        } catch (SQLException e) {
            return down(Map.of("schemaVersion", version, "reason", String.valueOf(e.getMessage())));
        }
        return new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP, Optional.of(Map.of("schemaVersion", version)));
    }

    private static HealthCheckResponse down(Map<String, Object> data) {
        return new HealthCheckResponse(NAME, HealthCheckResponse.Status.DOWN, Optional.of(data));
    }
}
