package org.openill.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.openill.domain.IllRuleViolation;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * The rules the database keeps with unique keys, in words. The services check first and name the clash precisely;
 * when two people do the same at the same moment, both pass that check and the database refuses the second
 * (SQLState 23505): that refusal reaches the caller as the rule it breaks, not as a server error.
 */
public final class UniqueKeys {

    private static final String UNIQUE_VIOLATION = "23505";

    /** Constraint or index name, and the rule it keeps. */
    private static final Map<String, String> RULES = Map.of(
            "library_agency_id_unique", "A library with this agency id is already in the network",
            "branch_code_unique", "The library already has a branch with this code",
            "location_code_unique", "The branch already has a collection with this code",
            "reader_card_unique", "The library already has a reader with this library card",
            "holding_barcode_unique", "The library already has an item with this barcode",
            "bib_record_control_number_key", "The union catalogue already has a record with this control number",
            "ill_request_one_open_per_item", "You already have an open request for this item");

    private UniqueKeys() {
    }

    /**
     * Writes the pending changes now, inside the caller's transaction, so that a unique key clash is reported here.
     *
     * @throws IllRuleViolation naming the rule when the database refused a duplicate
     */
    public static void flush(EntityManager em) {
        try {
            em.flush();
        } catch (PersistenceException refused) {
            throw broken(refused).orElseThrow(() -> refused);
        }
    }

    /** The rule a database refusal broke, when it refused a duplicate. */
    public static Optional<IllRuleViolation> broken(PersistenceException refused) {
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                // the constraint's name is in the message whatever language the server speaks
                String message = String.valueOf(sql.getMessage());
                return Optional.of(new IllRuleViolation(RULES.entrySet().stream()
                        .filter(rule -> message.contains(rule.getKey())).map(Map.Entry::getValue).findFirst()
                        .orElse("This is already stored; someone may have entered the same at the same time")));
            }
        }
        return Optional.empty();
    }
}
