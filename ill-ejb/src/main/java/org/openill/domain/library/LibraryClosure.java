package org.openill.domain.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;
import org.openill.domain.Text;

import java.time.LocalDate;

/** Days, first to last, on which a library receives no interlibrary loan requests, and why (holidays, a move). */
@Entity
@Table(name = "library_closure")
@SequenceGenerator(name = "library_closure_seq", sequenceName = "library_closure_seq", allocationSize = 50)
public class LibraryClosure {

    public static final int REASON_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "library_closure_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "library_id", updatable = false)
    private Library library;

    @Column(name = "first_day", nullable = false)
    private LocalDate firstDay;

    @Column(name = "last_day", nullable = false)
    private LocalDate lastDay;

    @Column(nullable = false, length = REASON_LENGTH)
    private String reason;

    protected LibraryClosure() {
    }

    LibraryClosure(Library library, LocalDate firstDay, LocalDate lastDay, String reason) {
        if (firstDay == null || lastDay == null) {
            throw new InvalidInputException("closure", "A closure needs its first and last day")
                    .says("closureDays");
        }
        if (lastDay.isBefore(firstDay)) {
            throw new IllRuleViolation("A closure cannot end (" + lastDay + ") before it begins (" + firstDay + ")")
                    .says("closureBackwards", firstDay.toString(), lastDay.toString());
        }
        this.library = library;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.reason = Text.required("reason", reason, REASON_LENGTH);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    public Long id() {
        return id;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public LocalDate lastDay() {
        return lastDay;
    }

    public String reason() {
        return reason;
    }
}
