package org.openill.infrastructure.health;

/** Fired once the database schema has been migrated to the version this build needs. */
public record SchemaMigrated(String schemaVersion) {
}
