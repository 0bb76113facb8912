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
@SequenceGenerator(name = "reader_notification_seq", sequenceName = "reader_notification_seq", allocationSize = 500)
public class ReaderNotification {

    /** What the reader is told. */
    public enum Kind {
        SENT_TO_LENDER,
        REQUEST_UNFILLED,
        CONDITIONS_TO_ACCEPT,
        ITEM_ARRIVED,
        COPY_DELIVERED,
        ITEM_RECALLED,
        RENEWAL_ANSWERED,
        DUE_SOON,
        OVERDUE
    }

    public static final int SUBJECT_LENGTH = 300;
    public static final int BODY_LENGTH = 4000;
    public static final int MAIL_ERROR_LENGTH = 500;

    /** How long an item that arrived waits for its reader at the pick-up place. */
    public static final java.time.Duration PICK_UP_WITHIN = java.time.Duration.ofDays(7);

    private static final String TEXTS = "org.openill.domain.notification.texts";

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

    @Column(name = "mail_attempts", nullable = false)
    private int mailAttempts;

    @Column(name = "next_mail_at")
    private Instant nextMailAt;

    @Column(name = "mail_error", length = MAIL_ERROR_LENGTH)
    private String mailError;

    protected ReaderNotification() {
        // for JPA
    }

    /** A notification written in the reader's language: the title of the request is {0}, the values {1}, {2} ... */
    private ReaderNotification(IllRequest request, Kind kind, Instant createdAt, Object... values) {
        this(request, request.reader(), request.description().title(), request.reader().language(), kind, createdAt,
                values);
    }

    /**
     * A notification of the request to its reader, written in the language, the request's title {0}, the values {1},
     * {2} ... (the request and reader may be references: they are not read).
     */
    private ReaderNotification(IllRequest request, Reader reader, String title, java.util.Locale language, Kind kind,
                               Instant createdAt, Object... values) {
        this.reader = reader;
        this.request = request;
        this.kind = kind;
        Object[] all = new Object[values.length + 1];
        all[0] = title;
        System.arraycopy(values, 0, all, 1, values.length);
        this.subject = Text.cut(text(language, kind.name() + ".subject", all), SUBJECT_LENGTH);
        this.body = Text.cut(text(language, kind.name() + ".body", all), BODY_LENGTH);
        this.createdAt = createdAt;
    }

    /** A text of the notifications in the language, its values filled in. */
    static String text(java.util.Locale language, String key, Object... values) {
        // each text's format is read once per language and copied for each use (a format is not shared by threads)
        java.text.MessageFormat format = FORMATS.computeIfAbsent(language.toLanguageTag() + "\u0000" + key,
                unused -> new java.text.MessageFormat(java.util.ResourceBundle.getBundle(TEXTS, language)
                        .getString(key).replace("'", "''"), language));
        return ((java.text.MessageFormat) format.clone()).format(values);
    }

    private static final java.util.Map<String, java.text.MessageFormat> FORMATS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static final java.util.Map<java.util.Locale, java.time.format.DateTimeFormatter> DAYS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String day(java.time.LocalDate day, java.util.Locale language) {
        return day == null ? "?" : DAYS.computeIfAbsent(language, unused -> java.time.format.DateTimeFormatter
                .ofLocalizedDate(java.time.format.FormatStyle.LONG).withLocale(language)).format(day);
    }

    /** The request was sent to a lending library (the first, or the next of the rota). */
    public static ReaderNotification sentToLender(IllRequest request, String lenderName, Instant when) {
        return new ReaderNotification(request, Kind.SENT_TO_LENDER, when, lenderName);
    }

    /** The rota is exhausted: the reader learns why no library could supply. */
    public static ReaderNotification unfilled(IllRequest request, Instant when) {
        return new ReaderNotification(request, Kind.REQUEST_UNFILLED, when, request.unfilledReasons());
    }

    public static ReaderNotification conditionsToAccept(IllRequest request, Instant when) {
        java.util.Locale language = request.reader().language();
        String conditions = request.conditionSet().stream().map(c -> text(language, "condition." + c.name()))
                .collect(java.util.stream.Collectors.joining(", "));
        if (request.conditionCost() != null) {
            conditions = (conditions.isEmpty() ? "" : conditions + ", ")
                    + text(language, "cost", request.conditionCost(), request.conditionCurrency());
        }
        return new ReaderNotification(request, Kind.CONDITIONS_TO_ACCEPT, when, conditions);
    }

    /** The item has arrived: where to collect it, until when, and when it is due back. */
    public static ReaderNotification itemArrived(IllRequest request, Instant when) {
        java.util.Locale language = request.reader().language();
        String place = request.pickupBranch() != null ? request.pickupBranch().name() : request.borrower().name();
        java.time.LocalDate collectBy = when.plus(PICK_UP_WITHIN).atZone(request.borrower().timeZone()).toLocalDate();
        return new ReaderNotification(request, Kind.ITEM_ARRIVED, when, place, day(collectBy, language),
                day(request.dueDate(), language));
    }

    public static ReaderNotification copyDelivered(IllRequest request, Instant when) {
        return new ReaderNotification(request, Kind.COPY_DELIVERED, when, request.description().partTitle());
    }

    public static ReaderNotification recalled(IllRequest request, Instant when) {
        return new ReaderNotification(request, Kind.ITEM_RECALLED, when,
                day(request.dueDate(), request.reader().language()));
    }

    /** The loan is due within a few days: the reader is reminded of the date and of renewing it. */
    public static ReaderNotification dueSoon(IllRequest request, Instant when) {
        return dueSoon(request, request.reader(), request.description().title(), request.reader().language(),
                request.dueDate(), when);
    }

    /**
     * The same reminder, written from what it says (the nightly reconciliation writes them by the hundred thousand
     * without reading the requests): the request and its reader may be references.
     */
    public static ReaderNotification dueSoon(IllRequest request, Reader reader, String title,
                                             java.util.Locale language, java.time.LocalDate dueDate, Instant when) {
        return new ReaderNotification(request, reader, title, language, Kind.DUE_SOON, when, day(dueDate, language));
    }

    public static ReaderNotification overdue(IllRequest request, Instant when) {
        return new ReaderNotification(request, Kind.OVERDUE, when, day(request.dueDate(), request.reader().language()));
    }

    /**
     * The answer to the reader's renewal: "renewed" (values: the new due date), "refused" (the due date, the lending
     * library's note) or "recalled" (none), said in the reader's language.
     */
    public static ReaderNotification renewalAnswer(IllRequest request, String answer, Instant when, Object... values) {
        java.util.Locale language = request.reader().language();
        Object[] shown = new Object[values.length + 1];
        shown[0] = request.description().title();
        for (int i = 0; i < values.length; i++) {
            shown[i + 1] = values[i] instanceof java.time.LocalDate date ? day(date, language) : values[i];
        }
        return new ReaderNotification(request, Kind.RENEWAL_ANSWERED, when, text(language, "renewal." + answer, shown));
    }

    /** Whether the e-mail is due: not sent, and not waiting after a failed attempt. */
    public boolean mailDue(Instant now) {
        return sentAt == null && (nextMailAt == null || !nextMailAt.isAfter(now));
    }

    /** An attempt to send the e-mail failed: tried again after the pause, never given up. */
    public void mailFailed(String error, Instant now, java.time.Duration pause) {
        mailAttempts++;
        mailError = Text.cut(error == null ? "unknown error" : error, MAIL_ERROR_LENGTH);
        nextMailAt = now.plus(pause);
    }

    public int mailAttempts() {
        return mailAttempts;
    }

    public String mailError() {
        return mailError;
    }

    public Reader reader() {
        return reader;
    }

    public IllRequest request() {
        return request;
    }

    public Long id() {
        return id;
    }

    public void markSent(Instant when) {
        this.sentAt = when;
        this.mailError = null;
        this.nextMailAt = null;
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
