package org.openill.domain.notification;

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
import org.openill.domain.reader.Reader;
import org.openill.domain.request.IllRequest;

import java.time.Instant;

/**
 * A message for a reader about one of their requests, stored durably when it arises and delivered (by mail) later;
 * sentAt stays empty until it is.
 */
@Entity
@Table(name = "reader_notification")
@SequenceGenerator(name = "reader_notification_seq", sequenceName = "reader_notification_seq", allocationSize = 50)
public class ReaderNotification {

    /** What the reader is told. */
    public enum Kind {
        REQUEST_UNFILLED,
        CONDITIONS_TO_ACCEPT,
        ITEM_ARRIVED,
        COPY_DELIVERED,
        ITEM_RECALLED,
        RENEWAL_ANSWERED
    }

    public static final int SUBJECT_LENGTH = 300;
    public static final int BODY_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reader_notification_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reader_id")
    private Reader reader;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    private IllRequest request;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Kind kind;

    @Column(nullable = false, length = SUBJECT_LENGTH)
    private String subject;

    @Column(nullable = false, length = BODY_LENGTH)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected ReaderNotification() {
        // for JPA
    }

    private ReaderNotification(IllRequest request, Kind kind, String subject, String body, Instant createdAt) {
        this.reader = request.reader();
        this.request = request;
        this.kind = kind;
        this.subject = Text.cut(subject, SUBJECT_LENGTH);
        this.body = Text.cut(body, BODY_LENGTH);
        this.createdAt = createdAt;
    }

    /** The rota is exhausted: the reader learns why no library could supply. */
    public static ReaderNotification unfilled(IllRequest request, Instant when) {
        return new ReaderNotification(request, Kind.REQUEST_UNFILLED,
                "No library could supply \"" + request.description().title() + "\"",
                "We are sorry: your interlibrary loan request could not be filled. Reasons: "
                        + request.unfilledReasons(), when);
    }

    public static ReaderNotification conditionsToAccept(IllRequest request, Instant when) {
        return new ReaderNotification(request, Kind.CONDITIONS_TO_ACCEPT,
                "Conditions for \"" + request.description().title() + "\"",
                "The lending library sets these conditions: " + request.conditionSet()
                        + (request.conditionCost() == null ? "" : ", cost " + request.conditionCost() + " "
                        + request.conditionCurrency()) + ". Please accept or decline them in the reader portal.", when);
    }

    public static ReaderNotification itemArrived(IllRequest request, Instant when) {
        return new ReaderNotification(request, Kind.ITEM_ARRIVED, "\"" + request.description().title() + "\" has arrived",
                "You can collect it at the ILL desk. It is due back on " + request.dueDate() + ".", when);
    }

    public static ReaderNotification copyDelivered(IllRequest request, Instant when) {
        return new ReaderNotification(request, Kind.COPY_DELIVERED,
                "Your copy of \"" + request.description().partTitle() + "\" is ready",
                "The copy you asked for has been delivered to your library.", when);
    }

    public static ReaderNotification recalled(IllRequest request, Instant when) {
        return new ReaderNotification(request, Kind.ITEM_RECALLED, "\"" + request.description().title() + "\" is recalled",
                "The lending library needs it back: please return it by " + request.dueDate() + ".", when);
    }

    public static ReaderNotification renewalAnswered(IllRequest request, String body, Instant when) {
        return new ReaderNotification(request, Kind.RENEWAL_ANSWERED,
                "Renewal of \"" + request.description().title() + "\"", body, when);
    }

    public void markSent(Instant when) {
        this.sentAt = when;
    }

    public Kind kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
