package org.openill.domain.request;

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
 * One line of a request's audit trail: who did what, when, from which state to which, with the message and note.
 * Written once; no column can be updated, and the database refuses updates and deletes too.
 */
@Entity
@Table(name = "request_event")
@SequenceGenerator(name = "request_event_seq", sequenceName = "request_event_seq", allocationSize = 500)
public class RequestEvent {

    public static final int ACTOR_LENGTH = 200;
    public static final int MESSAGE_LENGTH = 2000;
    public static final int NOTE_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "request_event_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id", updatable = false)
    private IllRequest request;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = ACTOR_LENGTH, updatable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30, updatable = false)
    private RequestAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", length = 30, updatable = false)
    private RequestState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, length = 30, updatable = false)
    private RequestState toState;

    @Column(length = MESSAGE_LENGTH, updatable = false)
    private String message;

    @Column(length = NOTE_LENGTH, updatable = false)
    private String note;

    protected RequestEvent() {
        // for JPA
    }

    RequestEvent(IllRequest request, Instant occurredAt, String actor, RequestAction action, RequestState fromState,
                 RequestState toState, String message, String note) {
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

    public RequestAction action() {
        return action;
    }

    public RequestState fromState() {
        return fromState;
    }

    public RequestState toState() {
        return toState;
    }

    public String message() {
        return message;
    }

    public String note() {
        return note;
    }
}
