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

    /** True when the card is valid on the given day. */
    public boolean hasValidCardOn(LocalDate day) {
        return !day.isBefore(cardValidFrom) && !day.isAfter(cardValidUntil);
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
