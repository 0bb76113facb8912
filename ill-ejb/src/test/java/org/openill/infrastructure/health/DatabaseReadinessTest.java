package org.openill.infrastructure.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DatabaseReadinessTest {

    @Test
    void downUntilMigrationsRan() {
        DatabaseReadiness readiness = new DatabaseReadiness();
        readiness.dataSource = dataSource(true, null);
        HealthCheckResponse response = readiness.call();
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("schema migrations have not run", response.getData().orElseThrow().get("reason"));
    }

    @Test
    void upAfterMigrationsWhileTheDatabaseAnswers() {
        DatabaseReadiness readiness = new DatabaseReadiness();
        readiness.dataSource = dataSource(true, null);
        readiness.schemaMigrated(new SchemaMigrated("3"));
        HealthCheckResponse response = readiness.call();
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals("3", response.getData().orElseThrow().get("schemaVersion"));
    }

    @Test
    void downWhenTheDatabaseStopsAnswering() {
        DatabaseReadiness readiness = new DatabaseReadiness();
        readiness.schemaMigrated(new SchemaMigrated("3"));
        readiness.dataSource = dataSource(false, new SQLException("Connection refused"));
        assertEquals(HealthCheckResponse.Status.DOWN, readiness.call().getStatus());
        readiness.dataSource = dataSource(false, null);
        assertEquals(HealthCheckResponse.Status.DOWN, readiness.call().getStatus());
    }

    /** A data source whose connections are valid or not, or that cannot connect at all. */
    private static DataSource dataSource(boolean valid, SQLException failure) {
        Connection connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isValid" -> valid;
                    case "close" -> null;
                    default -> throw new IllegalStateException("the readiness check does not call " + method.getName());
                });
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        if (failure != null) {
                            throw failure;
                        }
                        return connection;
                    }
                    throw new IllegalStateException("the readiness check does not call " + method.getName());
                });
    }
}
