package org.openill.domain.library;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.Text;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An institution that takes part in the interlibrary loan network, known to partners by its ISO 18626 agency id.
 * It has branches, and each branch has collections (locations) holding items.
 */
@Entity
@Table(name = "library")
@SequenceGenerator(name = "library_seq", sequenceName = "library_seq", allocationSize = 50)
public class Library {

    public static final int NAME_LENGTH = 200;
    public static final int ADDRESS_LENGTH = 500;
    public static final int EMAIL_LENGTH = 200;
    public static final int PHONE_LENGTH = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "library_seq")
    private Long id;

    @Embedded
    private AgencyId agencyId;

    @Column(nullable = false, length = NAME_LENGTH)
    private String name;

    @Column(length = ADDRESS_LENGTH)
    private String address;

    @Column(name = "ill_email", length = EMAIL_LENGTH)
    private String illEmail;

    @Column(name = "ill_phone", length = PHONE_LENGTH)
    private String illPhone;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private LibraryStatus status;

    @OneToMany(mappedBy = "library", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("code")
    private List<Branch> branches = new ArrayList<>();

    /** Whether this deployment hosts the library (its staff and readers work here) or it is a partner elsewhere. */
    @Column(nullable = false)
    private boolean hosted = true;

    /** Whether new requests to this library are answered without staff (ExpectToSupply or Unfilled). */
    @Column(name = "auto_respond", nullable = false)
    private boolean autoRespond;

    @OneToMany(mappedBy = "library", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("firstDay")
    private List<LibraryClosure> closures = new ArrayList<>();

    @Version
    private long version;

    protected Library() {
        // for JPA
    }

    public Library(AgencyId agencyId, String name, ZoneId timeZone) {
        if (agencyId == null) {
            throw new IllRuleViolation("A library needs an agency id");
        }
        if (timeZone == null) {
            throw new IllRuleViolation("A library needs the time zone its days are counted in");
        }
        this.agencyId = agencyId;
        this.name = Text.required("library name", name, NAME_LENGTH);
        this.timeZone = timeZone.getId();
        this.status = LibraryStatus.ACTIVE;
    }

    /** Records how the ILL office of this library is reached. */
    public void describeIllOffice(String address, String email, String phone) {
        String checkedAddress = Text.optional("address", address, ADDRESS_LENGTH);
        String checkedEmail = Text.optional("ILL email", email, EMAIL_LENGTH);
        String checkedPhone = Text.optional("ILL phone", phone, PHONE_LENGTH);
        this.address = checkedAddress;
        this.illEmail = checkedEmail;
        this.illPhone = checkedPhone;
    }

    public Branch openBranch(String code, String name) {
        Branch branch = new Branch(this, code, name);
        if (branches.stream().anyMatch(other -> other.code().equals(branch.code()))) {
            throw new IllRuleViolation("Library " + agencyId.value() + " already has a branch " + branch.code());
        }
        branches.add(branch);
        return branch;
    }

    /**
     * Marks the library as a partner hosted elsewhere: its requests and answers reach this deployment over ISO 18626,
     * as its {@link PartnerProfile} says.
     */
    public void hostedElsewhere() {
        this.hosted = false;
        this.autoRespond = false;
    }

    /** Whether new requests to this library are answered at once without staff, by the one supply rule. */
    public void answerNewRequestsAutomatically(boolean on) {
        if (on && !hosted) {
            throw new IllRuleViolation(agencyId.value() + " is hosted elsewhere: its own system answers its requests");
        }
        this.autoRespond = on;
    }

    public boolean isHosted() {
        return hosted;
    }

    public boolean answersNewRequestsAutomatically() {
        return autoRespond;
    }

    /**
     * Closes the library to interlibrary loan requests from the first to the last day (both included): the rota passes
     * over it on those days. Periods may not overlap an earlier closure, which would make "closed until" ambiguous.
     */
    public LibraryClosure closeFor(LocalDate firstDay, LocalDate lastDay, String reason) {
        LibraryClosure closure = new LibraryClosure(this, firstDay, lastDay, reason);
        for (LibraryClosure other : closures) {
            if (!other.lastDay().isBefore(firstDay) && !other.firstDay().isAfter(lastDay)) {
                throw new IllRuleViolation(agencyId.value() + " is already closed from " + other.firstDay() + " to "
                        + other.lastDay() + " (" + other.reason() + ")")
                        .says("closureOverlaps", other.firstDay().toString(), other.lastDay().toString());
            }
        }
        closures.add(closure);
        return closure;
    }

    /** Withdraws a closure (opened earlier than planned, or entered by mistake). */
    public void reopen(long closureId) {
        if (!closures.removeIf(closure -> closure.id() != null && closure.id() == closureId)) {
            throw new org.openill.domain.NotFoundException(agencyId.value() + " has no closure #" + closureId);
        }
    }

    public List<LibraryClosure> closures() {
        return Collections.unmodifiableList(closures);
    }

    /**
     * Why the library receives no request on the day ("suspended from the network", "closed until ..."), or empty
     * when it does: the one rule the rota asks of every lender.
     */
    public java.util.Optional<String> notReceivingOn(LocalDate day) {
        if (status != LibraryStatus.ACTIVE) {
            return java.util.Optional.of("suspended from the network");
        }
        return closures.stream().filter(closure -> closure.covers(day)).findFirst()
                .map(closure -> "closed until " + closure.lastDay() + " (" + closure.reason() + ")");
    }

    /** The library stops lending and borrowing through the network until reactivated. */
    public void suspend() {
        this.status = LibraryStatus.SUSPENDED;
    }

    public void reactivate() {
        this.status = LibraryStatus.ACTIVE;
    }

    public Long id() {
        return id;
    }

    public AgencyId agencyId() {
        return agencyId;
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public String illEmail() {
        return illEmail;
    }

    public String illPhone() {
        return illPhone;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public LibraryStatus status() {
        return status;
    }

    public List<Branch> branches() {
        return Collections.unmodifiableList(branches);
    }
}
