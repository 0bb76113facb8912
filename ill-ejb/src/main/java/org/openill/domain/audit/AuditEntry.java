package org.openill.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.openill.domain.Text;

import java.time.Instant;

/**
 * One staff action outside the life of a request (partner agreements, libraries, readers, catalogue imports): who did
 * what to which thing, when, from which state to which. Requests keep their own trail (RequestEvent). Written once;
 * the database refuses updates and deletes.
 */
@Entity
@Table(name = "audit_entry")
@SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
public class AuditEntry {

    public static final int ACTOR_LENGTH = 200;
    public static final int SUBJECT_ID_LENGTH = 100;
    public static final int MESSAGE_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = ACTOR_LENGTH, updatable = false)
    private String actor;

    @Column(name = "subject_type", nullable = false, length = 30, updatable = false)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, length = SUBJECT_ID_LENGTH, updatable = false)
    private String subjectId;

    @Column(nullable = false, length = 50, updatable = false)
    private String action;

    @Column(name = "from_state", length = 30, updatable = false)
    private String fromState;

    @Column(name = "to_state", length = 30, updatable = false)
    private String toState;

    @Column(length = MESSAGE_LENGTH, updatable = false)
    private String message;

    protected AuditEntry() {
        // for JPA
    }

    public AuditEntry(Instant occurredAt, String actor, String subjectType, String subjectId, String action,
                      String fromState, String toState, String message) {
        String checkedActor = Text.required("actor", actor, ACTOR_LENGTH);
        String checkedSubjectId = Text.required("subject id", subjectId, SUBJECT_ID_LENGTH);
        this.occurredAt = occurredAt;
        this.actor = checkedActor;
        this.subjectType = subjectType;
        this.subjectId = checkedSubjectId;
        this.action = action;
        this.fromState = fromState;
        this.toState = toState;
        this.message = Text.cut(message, MESSAGE_LENGTH);
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    public String action() {
        return action;
    }

    public String fromState() {
        return fromState;
    }

    public String toState() {
        return toState;
    }

    public String message() {
        return message;
    }
}
