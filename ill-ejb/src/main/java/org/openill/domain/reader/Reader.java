package org.openill.domain.reader;

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
import jakarta.persistence.Version;
import org.openill.domain.library.Library;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;
import org.openill.domain.Text;

import java.time.LocalDate;

/**
 * A person registered at one home library, holding that library's card. The card number is unique within the
 * library; the card is valid between two dates.
 */
@Entity
@Table(name = "reader")
@SequenceGenerator(name = "reader_seq", sequenceName = "reader_seq", allocationSize = 50)
public class Reader {

    public static final int CARD_NUMBER_LENGTH = 40;
    public static final int NAME_LENGTH = 100;
    public static final int EMAIL_LENGTH = 200;
    public static final int PHONE_LENGTH = 50;
    public static final int DEPARTMENT_LENGTH = 200;
    public static final int BLOCKED_REASON_LENGTH = 500;
    public static final int PIN_HASH_LENGTH = 400;

    /** Wrong PINs in a row after which the card cannot sign in for {@link #SIGN_IN_LOCK} (the one rule: SignInGuard). */
    public static final int WRONG_PINS_BEFORE_LOCK = org.openill.domain.SignInGuard.WRONG_BEFORE_LOCK;
    public static final java.time.Duration SIGN_IN_LOCK = org.openill.domain.SignInGuard.LOCK;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reader_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "library_id")
    private Library homeLibrary;

    @Column(name = "card_number", nullable = false, length = CARD_NUMBER_LENGTH)
    private String cardNumber;

    @Column(name = "card_valid_from", nullable = false)
    private LocalDate cardValidFrom;

    @Column(name = "card_valid_until", nullable = false)
    private LocalDate cardValidUntil;

    @Column(name = "first_name", nullable = false, length = NAME_LENGTH)
    private String firstName;

    @Column(name = "last_name", nullable = false, length = NAME_LENGTH)
    private String lastName;

    @Column(nullable = false, length = EMAIL_LENGTH)
    private String email;

    @Column(length = PHONE_LENGTH)
    private String phone;

    @Column(length = DEPARTMENT_LENGTH)
    private String department;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReaderCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReaderStatus status;

    @Column(name = "blocked_reason", length = BLOCKED_REASON_LENGTH)
    private String blockedReason;

    /** The PIN as a PBKDF2 hash (never the PIN itself); null until one is set, and then nobody can sign in. */
    @Column(name = "pin_hash", length = PIN_HASH_LENGTH)
    private String pinHash;

    @jakarta.persistence.Embedded
    private org.openill.domain.SignInGuard signInGuard = new org.openill.domain.SignInGuard();

    /** The language the reader reads the portal in ("en", "zh-CN"), which their notifications are written in. */
    @Column(nullable = false, length = 10)
    private String language = "en";

    @Version
    private long version;

    protected Reader() {
        // for JPA
    }

    public Reader(Library homeLibrary, String cardNumber, LocalDate cardValidFrom, LocalDate cardValidUntil,
                  String firstName, String lastName, String email, ReaderCategory category) {
        if (homeLibrary == null) {
            throw new IllRuleViolation("A reader needs a home library");
        }
        String card = Text.required("library card number", cardNumber, CARD_NUMBER_LENGTH);
        if (cardValidFrom == null || cardValidUntil == null || cardValidUntil.isBefore(cardValidFrom)) {
            throw new IllRuleViolation("A library card needs a validity period that ends after it starts");
        }
        String first = Text.required("first name", firstName, NAME_LENGTH);
        String last = Text.required("last name", lastName, NAME_LENGTH);
        String address = Text.required("email address", email, EMAIL_LENGTH);
        if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidInputException("email address", "A reader needs a valid email address, not '" + address + "'");
        }
        if (category == null) {
            throw new IllRuleViolation("A reader needs a category (undergraduate, postgraduate, faculty ...)");
        }
        this.homeLibrary = homeLibrary;
        this.cardNumber = card;
        this.cardValidFrom = cardValidFrom;
        this.cardValidUntil = cardValidUntil;
        this.firstName = first;
        this.lastName = last;
        this.email = address;
        this.category = category;
        this.status = ReaderStatus.ACTIVE;
    }

    public void recordContact(String phone, String department) {
        String checkedPhone = Text.optional("phone", phone, PHONE_LENGTH);
        String checkedDepartment = Text.optional("department", department, DEPARTMENT_LENGTH);
        this.phone = checkedPhone;
        this.department = checkedDepartment;
    }

    /** Stops the reader from using ILL until unblocked; the reason is shown to them. */
    public void block(String reason) {
        String why = Text.required("reason for blocking", reason, BLOCKED_REASON_LENGTH);
        this.status = ReaderStatus.BLOCKED;
        this.blockedReason = why;
    }

    public void unblock() {
        this.status = ReaderStatus.ACTIVE;
        this.blockedReason = null;
    }

    /** Moves the end of the card's validity, e.g. when the card is renewed or withdrawn. */
    public void changeCardValidity(LocalDate until) {
        if (until == null || until.isBefore(cardValidFrom)) {
            throw new IllRuleViolation("A library card cannot end before it starts");
        }
        this.cardValidUntil = until;
    }

    /**
     * Why the card cannot be used on the day (blocked, not valid then), in words for its holder; empty when it can.
     * The one rule for signing in to the portal and for applying.
     */
    public java.util.Optional<String> whyCardCannotBeUsedOn(LocalDate day) {
        if (status == ReaderStatus.BLOCKED) {
            return java.util.Optional.of("Library card " + cardNumber + " is blocked: " + blockedReason
                    + ". Please contact your library.");
        }
        if (status == ReaderStatus.EXPIRED || !hasValidCardOn(day)) {
            return java.util.Optional.of("Library card " + cardNumber + " is not valid on " + day + " (valid "
                    + cardValidFrom + " to " + cardValidUntil + "); renew it at your library first.");
        }
        return java.util.Optional.empty();
    }

    /** Sets the PIN, given as its hash; a lock from wrong PINs ends with it. */
    public void changePin(String hash) {
        this.pinHash = Text.required("PIN hash", hash, PIN_HASH_LENGTH);
        guard().cleared();
    }

    public String pinHash() {
        return pinHash;
    }

    /** Until when the card cannot sign in after too many wrong PINs; empty when it can. */
    public java.util.Optional<java.time.Instant> signInLockedAt(java.time.Instant now) {
        return guard().lockedAt(now);
    }

    /** Counts a wrong PIN; the {@value #WRONG_PINS_BEFORE_LOCK}th in a row locks sign-in for {@link #SIGN_IN_LOCK}. */
    public void wrongPin(java.time.Instant now) {
        guard().wrong(now);
    }

    /** A sign-in with the right PIN: the count of wrong ones starts again. */
    public void signedIn() {
        guard().cleared();
    }

    public int wrongPinsInARow() {
        return guard().wrongInARow();
    }

    /** True when the card is valid on the given day. */
    public boolean hasValidCardOn(LocalDate day) {
        return !day.isBefore(cardValidFrom) && !day.isAfter(cardValidUntil);
    }

    /** The languages readers are written to in. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "zh-CN");

    /** The reader's language from now on (one of {@link #LANGUAGES}; anything else is ignored). */
    public void prefersLanguage(String tag) {
        if (LANGUAGES.contains(tag)) {
            this.language = tag;
        }
    }

    /** EclipseLink gives an embedded object whose columns are all null as null. */
    private org.openill.domain.SignInGuard guard() {
        if (signInGuard == null) {
            signInGuard = new org.openill.domain.SignInGuard();
        }
        return signInGuard;
    }

    public java.util.Locale language() {
        return languageOf(language);
    }

    /** The language a reader's stored language tag names (English when none). */
    public static java.util.Locale languageOf(String tag) {
        return java.util.Locale.forLanguageTag(tag == null ? "en" : tag);
    }

    public Long id() {
        return id;
    }

    public Library homeLibrary() {
        return homeLibrary;
    }

    public String cardNumber() {
        return cardNumber;
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    public String email() {
        return email;
    }

    public ReaderCategory category() {
        return category;
    }

    public ReaderStatus status() {
        return status;
    }

    public String blockedReason() {
        return blockedReason;
    }

    public LocalDate cardValidFrom() {
        return cardValidFrom;
    }

    public LocalDate cardValidUntil() {
        return cardValidUntil;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String phone() {
        return phone;
    }

    public String department() {
        return department;
    }
}
