package org.openill.domain.catalogue;

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
import org.openill.domain.Text;
import org.openill.domain.library.Library;
import org.openill.domain.library.Location;
import org.openill.domain.IllRuleViolation;

/** A copy of a catalogued work held by a library in one of its collections, with its call number and barcode. */
@Entity
@Table(name = "holding")
@SequenceGenerator(name = "holding_seq", sequenceName = "holding_seq", allocationSize = 50)
public class Holding {

    public static final int CALL_NUMBER_LENGTH = 100;
    public static final int BARCODE_LENGTH = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "holding_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "record_id")
    private BibliographicRecord record;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "location_id")
    private Location location;

    /** The library of the location, kept here so that the database holds barcodes unique within a library. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "library_id", updatable = false)
    private Library library;

    @Column(name = "call_number", length = CALL_NUMBER_LENGTH)
    private String callNumber;

    @Column(length = BARCODE_LENGTH)
    private String barcode;

    @Enumerated(EnumType.STRING)
    @Column(name = "circulation_status", nullable = false, length = 20)
    private CirculationStatus circulationStatus;

    @Version
    private long version;

    protected Holding() {
        // for JPA
    }

    public Holding(BibliographicRecord record, Location location, String callNumber, String barcode) {
        if (record == null || location == null) {
            throw new IllRuleViolation("A holding needs a record and a location");
        }
        String checkedCallNumber = Text.optional("call number", callNumber, CALL_NUMBER_LENGTH);
        String checkedBarcode = Text.optional("barcode", barcode, BARCODE_LENGTH);
        this.record = record;
        this.location = location;
        this.library = location.branch().library();
        this.callNumber = checkedCallNumber;
        this.barcode = checkedBarcode;
        this.circulationStatus = CirculationStatus.AVAILABLE;
    }

    /** True when the item is on the shelf: not on loan, in transit or missing. */
    public boolean isOnShelf() {
        return circulationStatus == CirculationStatus.AVAILABLE;
    }

    /**
     * Whether the library's own readers can borrow this copy now: on the shelf, outside a reference room (borrowing
     * at home is not interlibrary loan: any other collection lends to its own readers). Also for read models.
     */
    public static boolean borrowableAtHome(CirculationStatus status, org.openill.domain.library.LocationType type) {
        return status == CirculationStatus.AVAILABLE && !type.isReferenceRoom();
    }

    /** The item leaves the shelf on an interlibrary loan. */
    public void lend() {
        if (circulationStatus != CirculationStatus.AVAILABLE) {
            throw new IllRuleViolation("Item " + barcode + " is " + circulationStatus
                    + ", not on the shelf to be lent");
        }
        this.circulationStatus = CirculationStatus.ON_LOAN;
    }

    /** The item is back on the shelf. */
    public void returnToShelf() {
        this.circulationStatus = CirculationStatus.AVAILABLE;
    }

    public void markMissing() {
        this.circulationStatus = CirculationStatus.MISSING;
    }

    public Long id() {
        return id;
    }

    public BibliographicRecord record() {
        return record;
    }

    public Location location() {
        return location;
    }

    public String callNumber() {
        return callNumber;
    }

    public String barcode() {
        return barcode;
    }

    public CirculationStatus circulationStatus() {
        return circulationStatus;
    }
}
