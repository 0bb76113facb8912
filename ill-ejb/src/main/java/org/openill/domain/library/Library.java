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

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "library_seq")
    private Long id;

    @Embedded
    private AgencyId agencyId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 500)
    private String address;

    @Column(name = "ill_email", length = 200)
    private String illEmail;

    @Column(name = "ill_phone", length = 50)
    private String illPhone;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private LibraryStatus status;

    @OneToMany(mappedBy = "library", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("code")
    private List<Branch> branches = new ArrayList<>();

    @Version
    private long version;

    protected Library() {
        // for JPA
    }

    public Library(AgencyId agencyId, String name, ZoneId timeZone) {
        if (agencyId == null) {
            throw new IllRuleViolation("A library needs an agency id");
        }
        if (name == null || name.isBlank()) {
            throw new IllRuleViolation("A library needs a name");
        }
        this.agencyId = agencyId;
        this.name = name.trim();
        this.timeZone = timeZone.getId();
        this.status = LibraryStatus.ACTIVE;
    }

    /** Records how the ILL office of this library is reached. */
    public void describeIllOffice(String address, String email, String phone) {
        this.address = address;
        this.illEmail = email;
        this.illPhone = phone;
    }

    public Branch openBranch(String code, String name) {
        boolean taken = branches.stream().anyMatch(branch -> branch.code().equals(code));
        if (taken) {
            throw new IllRuleViolation("Library " + agencyId.value() + " already has a branch " + code);
        }
        Branch branch = new Branch(this, code, name);
        branches.add(branch);
        return branch;
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
