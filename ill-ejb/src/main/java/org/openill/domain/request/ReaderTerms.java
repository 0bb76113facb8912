package org.openill.domain.request;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;
import org.openill.domain.Text;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a reader says with an application besides the item: until when it is of use, the most they will pay, a note
 * for the ILL office, and for a copy the declaration copyright law asks of them (private study or research).
 */
@Embeddable
public class ReaderTerms {

    public static final int NOTE_LENGTH = 1000;
    /** The most a reader can offer to pay for one request. */
    public static final BigDecimal MAX_COST_LIMIT = new BigDecimal("10000.00");

    /** No terms: an application made outside the portal (by the ILL office, or through its API). */
    public static final ReaderTerms NONE = new ReaderTerms();

    @Column(name = "needed_before")
    private LocalDate neededBefore;

    @Column(name = "max_cost", precision = 10, scale = 2)
    private BigDecimal maxCost;

    @Column(name = "reader_note", length = NOTE_LENGTH)
    private String note;

    @Column(name = "copyright_declared_at")
    private Instant copyrightDeclaredAt;

    protected ReaderTerms() {
        // for JPA, and NONE
    }

    /**
     * The reader's terms, checked.
     *
     * @param today the reader's library's day: the needed-before date must come after it
     * @throws InvalidInputException naming the field at fault
     * @throws IllRuleViolation      for a copy without the copyright declaration
     */
    public static ReaderTerms of(ServiceType service, LocalDate neededBefore, BigDecimal maxCost, String note,
                                 boolean copyrightDeclared, LocalDate today, Instant now) {
        if (neededBefore != null && !neededBefore.isAfter(today)) {
            throw new InvalidInputException("needed before", "The date until which you need the item must be after "
                    + "today (" + today + ")").says("neededBefore", today.toString());
        }
        if (maxCost != null && (maxCost.signum() < 0 || maxCost.compareTo(MAX_COST_LIMIT) > 0
                || maxCost.stripTrailingZeros().scale() > 2)) {
            throw new InvalidInputException("maximum cost", "The most you will pay is an amount from 0 to "
                    + MAX_COST_LIMIT + ", with at most two decimals").says("maxCost", MAX_COST_LIMIT);
        }
        String checkedNote = Text.optional("note", note, NOTE_LENGTH);
        if (service == ServiceType.COPY && !copyrightDeclared) {
            throw new IllRuleViolation("A copy can only be made for you once you declare that it is for private "
                    + "study or research and that you will not pass it on (copyright)").says("copyright");
        }
        ReaderTerms terms = new ReaderTerms();
        terms.neededBefore = neededBefore;
        terms.maxCost = maxCost == null ? null : maxCost.setScale(2, java.math.RoundingMode.UNNECESSARY);
        terms.note = checkedNote;
        terms.copyrightDeclaredAt = copyrightDeclared ? now : null;
        return terms;
    }

    public LocalDate neededBefore() {
        return neededBefore;
    }

    public BigDecimal maxCost() {
        return maxCost;
    }

    public String note() {
        return note;
    }

    public Instant copyrightDeclaredAt() {
        return copyrightDeclaredAt;
    }
}
