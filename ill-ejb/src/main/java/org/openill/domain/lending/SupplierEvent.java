package org.openill.domain.lending;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.openill.domain.Text;

import java.time.Instant;

/**
 * One line of the lending record's history: who did what, when, from which state to which. Written once; the
 * database refuses updates and deletes.
 */
@Entity
@Table(name = "supplier_event")
@SequenceGenerator(name = "supplier_event_seq", sequenceName = "supplier_event_seq", allocationSize = 500)
public class SupplierEvent {

    public static final int ACTOR_LENGTH = 200;
    public static final int MESSAGE_LENGTH = 2000;
    public static final int NOTE_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "supplier_event_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "supplier_request_id", updatable = false)
    private SupplierRequest request;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = ACTOR_LENGTH, updatable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30, updatable = false)
    private SupplierAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", length = 30, updatable = false)
    private SupplierState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, length = 30, updatable = false)
    private SupplierState toState;

    @Column(length = MESSAGE_LENGTH, updatable = false)
    private String message;

    @Column(length = NOTE_LENGTH, updatable = false)
    private String note;

    protected SupplierEvent() {
        // for JPA
    }

    SupplierEvent(SupplierRequest request, Instant occurredAt, String actor, SupplierAction action,
                  SupplierState fromState, SupplierState toState, String message, String note) {
        String checkedActor = Text.required("actor", actor, ACTOR_LENGTH);
        String checkedNote = Text.optional("note", note, NOTE_LENGTH);
        this.request = request;
        this.occurredAt = occurredAt;
        this.actor = checkedActor;
        this.action = action;
        this.fromState = fromState;
        this.toState = toState;
        this.message = Text.cut(message, MESSAGE_LENGTH);
        this.note = checkedNote;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public SupplierAction action() {
        return action;
    }

    public SupplierState fromState() {
        return fromState;
    }

    public SupplierState toState() {
        return toState;
    }

    public String message() {
        return message;
    }

    public String note() {
        return note;
    }
}
