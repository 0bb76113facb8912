package org.openill.domain.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import org.openill.domain.Actor;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.InvalidInputException;
import org.openill.domain.SignInGuard;
import org.openill.domain.Text;
import org.openill.domain.library.Library;

/**
 * A member of a library's ILL office (or a network administrator) who signs in to the back office: a user name, a
 * password kept as a hash, a role, and for office staff the library whose requests, readers and agreements are theirs
 * and nobody else's.
 */
@Entity
@Table(name = "staff_account")
@SequenceGenerator(name = "staff_account_seq", sequenceName = "staff_account_seq", allocationSize = 50)
public class StaffAccount {

    public static final int USERNAME_LENGTH = 100;
    public static final int NAME_LENGTH = 200;
    public static final int HASH_LENGTH = 400;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_account_seq")
    private Long id;

    @Column(nullable = false, length = USERNAME_LENGTH)
    private String username;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "library_id")
    private Library library;

    @Column(name = "full_name", nullable = false, length = NAME_LENGTH)
    private String fullName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private StaffRole role;

    @Column(name = "password_hash", nullable = false, length = HASH_LENGTH)
    private String passwordHash;

    @Column(nullable = false)
    private boolean active = true;

    @Embedded
    private SignInGuard guard = new SignInGuard();

    @Version
    private long version;

    protected StaffAccount() {
        // for JPA
    }

    /**
     * An account; office staff (ILL_STAFF, ILL_ADMIN) belong to a library, a network administrator to none.
     *
     * @param passwordHash the password, already hashed
     */
    public StaffAccount(String username, String fullName, StaffRole role, Library library, String passwordHash) {
        String name = Text.required("user name", username, USERNAME_LENGTH);
        if (!name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new InvalidInputException("user name", "A user name has small letters, digits, dots, hyphens "
                    + "and underscores only, not '" + name + "'");
        }
        if (role == null) {
            throw new IllRuleViolation("A staff account needs a role");
        }
        if ((role == StaffRole.NETWORK_ADMIN) != (library == null)) {
            throw new IllRuleViolation(role == StaffRole.NETWORK_ADMIN
                    ? "A network administrator belongs to no library" : "Office staff belong to a library");
        }
        this.username = name;
        this.fullName = Text.required("name", fullName, NAME_LENGTH);
        this.role = role;
        this.library = library;
        this.passwordHash = Text.required("password hash", passwordHash, HASH_LENGTH);
    }

    /** Who this account acts as in the services: staff of its library, or a network administrator. */
    public Actor actor() {
        return role == StaffRole.NETWORK_ADMIN ? Actor.networkAdmin(username)
                : new Actor.Staff(library.agencyId(), username);
    }

    public void changePassword(String hash) {
        this.passwordHash = Text.required("password hash", hash, HASH_LENGTH);
        guard().cleared();
    }

    public void deactivate() {
        this.active = false;
    }

    SignInGuard guard() {
        if (guard == null) {
            guard = new SignInGuard();
        }
        return guard;
    }

    public SignInGuard signInGuard() {
        return guard();
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public Library library() {
        return library;
    }

    public String fullName() {
        return fullName;
    }

    public StaffRole role() {
        return role;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean active() {
        return active;
    }
}
