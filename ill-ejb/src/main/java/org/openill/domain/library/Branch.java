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
import org.openill.domain.Text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A building or site of a library (main library, a college or department library), with its collections. */
@Entity
@Table(name = "branch")
@SequenceGenerator(name = "branch_seq", sequenceName = "branch_seq", allocationSize = 50)
public class Branch {

    public static final int CODE_LENGTH = 30;
    public static final int NAME_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "branch_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "library_id")
    private Library library;

    @Column(nullable = false, length = CODE_LENGTH)
    private String code;

    @Column(nullable = false, length = NAME_LENGTH)
    private String name;

    @OneToMany(mappedBy = "branch", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("code")
    private List<Location> locations = new ArrayList<>();

    protected Branch() {
        // for JPA
    }

    Branch(Library library, String code, String name) {
        this.library = library;
        this.code = Text.required("branch code", code, CODE_LENGTH);
        this.name = Text.required("branch name", name, NAME_LENGTH);
    }

    /** Adds a collection to this branch; reference rooms are never lendable through ILL, whatever is asked. */
    public Location addLocation(String code, String name, LocationType type, boolean illLendable) {
        Location location = new Location(this, code, name, type, illLendable);
        if (locations.stream().anyMatch(other -> other.code().equals(location.code()))) {
            throw new IllRuleViolation("Branch " + this.code + " already has a location " + location.code());
        }
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
