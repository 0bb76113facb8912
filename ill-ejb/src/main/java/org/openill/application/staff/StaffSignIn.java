package org.openill.application.staff;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.openill.application.reader.ReaderSignIn;
import org.openill.application.reader.SignInOutcome;
import org.openill.domain.Actor;
import org.openill.domain.InvalidInputException;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Library;
import org.openill.domain.staff.StaffAccount;
import org.openill.domain.staff.StaffRole;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Signing staff in to the back office with their user name and password (a PBKDF2 hash, as readers' PINs), with the
 * same lock-out after wrong passwords. The caller's name is the user name; its roles are the account's role (an
 * ILL_ADMIN is also ILL_STAFF).
 */
@Stateless
@PermitAll
public class StaffSignIn {

    /** The shortest password. */
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 200;

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @Inject
    private Pbkdf2PasswordHash passwordHash;

    private volatile String decoy;

    @PostConstruct
    void configureHash() {
        passwordHash.initialize(ReaderSignIn.HASH_PARAMETERS);
    }

    /** The roles a signed-in account has. */
    public static Set<String> rolesOf(StaffRole role) {
        return role == StaffRole.ILL_ADMIN ? Set.of(StaffRole.ILL_ADMIN.name(), StaffRole.ILL_STAFF.name())
                : Set.of(role.name());
    }

    /** Signs in: the outcome's principal is the user name. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SignInOutcome signIn(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()
                || password.length() > PASSWORD_MAX) {
            return wrong();
        }
        Optional<StaffAccount> found = account(username.strip());
        if (found.isEmpty()) {
            passwordHash.verify(password.toCharArray(), decoy());
            return wrong();
        }
        StaffAccount account = found.get();
        em.lock(account, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        ZoneId zone = account.library() == null ? ZoneId.systemDefault() : account.library().timeZone();
        Optional<Instant> locked = account.signInGuard().lockedAt(now);
        if (locked.isPresent()) {
            String until = DateTimeFormatter.ofPattern("HH:mm").format(locked.get().atZone(zone));
            return new SignInOutcome.Refused(SignInOutcome.Why.LOCKED, "Locked until " + until, List.of(until));
        }
        if (!passwordHash.verify(password.toCharArray(), account.passwordHash())) {
            account.signInGuard().wrong(now);
            return account.signInGuard().lockedAt(now).map(until -> {
                String at = DateTimeFormatter.ofPattern("HH:mm").format(until.atZone(zone));
                return (SignInOutcome) new SignInOutcome.Refused(SignInOutcome.Why.LOCKED, "Locked until " + at,
                        List.of(at));
            }).orElseGet(StaffSignIn::wrong);
        }
        if (!account.active()) {
            return new SignInOutcome.Refused(SignInOutcome.Why.ACCOUNT_CLOSED, "This account is closed", List.of());
        }
        account.signInGuard().cleared();
        return new SignInOutcome.SignedIn(account.username(), account.fullName());
    }

    /** The roles of a signed-in staff member (by user name). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Set<String> roles(String username) {
        return account(username).map(account -> rolesOf(account.role())).orElse(Set.of());
    }

    /**
     * Opens an account (a network administrator, or the system loading demo data).
     *
     * @param libraryIsil the library of office staff; null for a network administrator
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void open(Actor actor, String username, String fullName, StaffRole role, String libraryIsil,
                     String password) {
        actor.requireNetworkWide("open a staff account");
        if (password == null || password.length() < PASSWORD_MIN || password.length() > PASSWORD_MAX) {
            throw new InvalidInputException("password", "A password has " + PASSWORD_MIN + " to " + PASSWORD_MAX
                    + " characters");
        }
        Library library = libraryIsil == null ? null : em.createQuery(
                        "SELECT l FROM Library l WHERE l.agencyId.value = :isil", Library.class)
                .setParameter("isil", AgencyId.lookupValue(libraryIsil)).getSingleResult();
        em.persist(new StaffAccount(username, fullName, role, library, passwordHash.generate(password.toCharArray())));
    }

    /** Whether an account with the user name exists. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean exists(String username) {
        return account(username).isPresent();
    }

    private Optional<StaffAccount> account(String username) {
        return em.createQuery("SELECT a FROM StaffAccount a LEFT JOIN FETCH a.library WHERE a.username = :name",
                StaffAccount.class).setParameter("name", username).getResultStream().findFirst();
    }

    private static SignInOutcome.Refused wrong() {
        return new SignInOutcome.Refused(SignInOutcome.Why.WRONG_USER_OR_PASSWORD,
                "Unknown user name or wrong password.", List.of());
    }

    private String decoy() {
        String hash = decoy;
        if (hash == null) {
            hash = passwordHash.generate(java.util.UUID.randomUUID().toString().toCharArray());
            decoy = hash;
        }
        return hash;
    }
}
