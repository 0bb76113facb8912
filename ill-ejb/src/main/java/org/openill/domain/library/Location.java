package org.openill.domain.library;

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
import org.openill.domain.IllRuleViolation;
import org.openill.domain.Text;

/**
 * A collection of a branch (open shelves, stacks, a department reference room) with its lending policy for
 * interlibrary loan. A college or department reference room is never lendable: the constructor refuses it and the
 * database has a check constraint for it too.
 */
@Entity
@Table(name = "location")
@SequenceGenerator(name = "location_seq", sequenceName = "location_seq", allocationSize = 50)
public class Location {

    public static final int CODE_LENGTH = 30;
    public static final int NAME_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "location_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "branch_id")
    private Branch branch;

    @Column(nullable = false, length = CODE_LENGTH)
    private String code;

    @Column(nullable = false, length = NAME_LENGTH)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private LocationType type;

    @Column(name = "ill_lendable", nullable = false)
    private boolean illLendable;

    protected Location() {
        // for JPA
    }

    Location(Branch branch, String code, String name, LocationType type, boolean illLendable) {
        String checkedCode = Text.required("collection code", code, CODE_LENGTH);
        String checkedName = Text.required("collection name", name, NAME_LENGTH);
        if (type == null) {
            throw new IllRuleViolation("A collection needs a type");
        }
        if (type.isReferenceRoom() && illLendable) {
            throw new IllRuleViolation("Location " + checkedCode + " is a " + type
                    + ": reference rooms are never lendable through interlibrary loan");
        }
        this.branch = branch;
        this.code = checkedCode;
        this.name = checkedName;
        this.type = type;
        this.illLendable = illLendable;
    }

    /** True when items of this collection may be lent to other libraries. */
    public boolean isLendableThroughIll() {
        return lendsThroughIll(type, illLendable);
    }

    /**
     * The one definition of a collection that lends through ILL, also for queries that read the two columns: marked
     * lendable, and never a college or department reference room.
     */
    public static boolean lendsThroughIll(LocationType type, boolean illLendable) {
        return illLendable && !type.isReferenceRoom();
    }

    public Long id() {
        return id;
    }

    public Branch branch() {
        return branch;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public LocationType type() {
        return type;
    }
}
