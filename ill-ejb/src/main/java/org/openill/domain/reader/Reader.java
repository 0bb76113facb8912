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

import java.time.LocalDate;

/**
 * A person registered at one home library, holding that library's card. The card number is unique within the
 * library; the card is valid between two dates.
 */
@Entity
@Table(name = "reader")
@SequenceGenerator(name = "reader_seq", sequenceName = "reader_seq", allocationSize = 50)
public class Reader {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reader_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "library_id")
    private Library homeLibrary;

    @Column(name = "card_number", nullable = false, length = 40)
    private String cardNumber;

    @Column(name = "card_valid_from", nullable = false)
    private LocalDate cardValidFrom;

    @Column(name = "card_valid_until", nullable = false)
    private LocalDate cardValidUntil;

    @Column(name = "first_name", nullable = false, length = 100)
    private String firstName;

    @Column(name = "last_name", nullable = false, length = 100)
    private String lastName;

    @Column(nullable = false, length = 200)
    private String email;

    @Column(length = 50)
    private String phone;

    @Column(length = 200)
    private String department;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReaderCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReaderStatus status;

    @Column(name = "blocked_reason", length = 500)
    private String blockedReason;

    @Version
    private long version;

    protected Reader() {
        // for JPA
    }

    public Reader(Library homeLibrary, String cardNumber, LocalDate cardValidFrom, LocalDate cardValidUntil,
                  String firstName, String lastName, String email, ReaderCategory category) {
        if (homeLibrary == null || cardNumber == null || cardNumber.isBlank()) {
            throw new IllRuleViolation("A reader needs a home library and a library card number");
        }
        if (cardValidFrom == null || cardValidUntil == null || cardValidUntil.isBefore(cardValidFrom)) {
            throw new IllRuleViolation("A library card needs a validity period that ends after it starts");
        }
        if (firstName == null || firstName.isBlank() || lastName == null || lastName.isBlank()) {
            throw new IllRuleViolation("A reader needs a first and a last name");
        }
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllRuleViolation("A reader needs a valid email address, not '" + email + "'");
        }
        this.homeLibrary = homeLibrary;
        this.cardNumber = cardNumber.trim();
        this.cardValidFrom = cardValidFrom;
        this.cardValidUntil = cardValidUntil;
        this.firstName = firstName.trim();
        this.lastName = lastName.trim();
        this.email = email.trim();
        this.category = category;
        this.status = ReaderStatus.ACTIVE;
    }

    public void recordContact(String phone, String department) {
        this.phone = phone;
        this.department = department;
    }

    /** Stops the reader from using ILL until unblocked; the reason is shown to them. */
    public void block(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllRuleViolation("Blocking a reader needs a reason");
        }
        this.status = ReaderStatus.BLOCKED;
        this.blockedReason = reason.trim();
    }

    public void unblock() {
        this.status = ReaderStatus.ACTIVE;
        this.blockedReason = null;
    }

    /** Moves the end of the card's validity, e.g. when the card is renewed or withdrawn. */
    public void changeCardValidity(LocalDate until) {
        if (until.isBefore(cardValidFrom)) {
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
