package org.openill.domain.library;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.openill.domain.IllRuleViolation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A building or site of a library (main library, a college or department library), with its collections. */
@Entity
@Table(name = "branch")
@SequenceGenerator(name = "branch_seq", sequenceName = "branch_seq", allocationSize = 50)
public class Branch {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "branch_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "library_id")
    private Library library;

    @Column(nullable = false, length = 30)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @OneToMany(mappedBy = "branch", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("code")
    private List<Location> locations = new ArrayList<>();

    protected Branch() {
        // for JPA
    }

    Branch(Library library, String code, String name) {
        if (code == null || code.isBlank() || name == null || name.isBlank()) {
            throw new IllRuleViolation("A branch needs a code and a name");
        }
        this.library = library;
        this.code = code.trim();
        this.name = name.trim();
    }

    /** Adds a collection to this branch; reference rooms are never lendable through ILL, whatever is asked. */
    public Location addLocation(String code, String name, LocationType type, boolean illLendable) {
        boolean taken = locations.stream().anyMatch(location -> location.code().equals(code));
        if (taken) {
            throw new IllRuleViolation("Branch " + this.code + " already has a location " + code);
        }
        Location location = new Location(this, code, name, type, illLendable);
        locations.add(location);
        return location;
    }

    public Long id() {
        return id;
    }

    public Library library() {
        return library;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public List<Location> locations() {
        return Collections.unmodifiableList(locations);
    }
}
