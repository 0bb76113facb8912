package org.openill.application.reader;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.openill.application.AuditLog;
import org.openill.domain.Actor;
import org.openill.domain.InvalidInputException;
import org.openill.domain.NotFoundException;
import org.openill.domain.reader.Reader;
import org.openill.domain.reader.ReaderStatus;
import org.openill.infrastructure.persistence.IllRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Signing readers in to the portal with their library card number and PIN. The PIN is kept as a PBKDF2 hash
 * (Jakarta Security's {@link Pbkdf2PasswordHash}). An unknown card and a wrong PIN get the same answer, and take as
 * long; {@value Reader#WRONG_PINS_BEFORE_LOCK} wrong PINs in a row lock the card out of the portal for a quarter of an
 * hour. A blocked card, or one not valid today, is refused with the reason once the PIN is right.
 */
@Stateless
@PermitAll
public class ReaderSignIn {

    private static final Logger LOG = Logger.getLogger(ReaderSignIn.class.getName());

    /** Shortest and longest PIN. */
    public static final int PIN_MIN = 4;
    public static final int PIN_MAX = 32;

    static final String WRONG = "Unknown library card number or wrong PIN.";

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private IllRepository repository;

    @EJB
    private AuditLog audit;

    @Inject
    private Pbkdf2PasswordHash pinHash;

    /** PBKDF2 with HMAC-SHA-512 and 210,000 iterations, as OWASP recommends for it. */
    public static final java.util.Map<String, String> HASH_PARAMETERS = java.util.Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");

    @jakarta.annotation.PostConstruct
    void configureHash() {
        pinHash.initialize(HASH_PARAMETERS);
    }

    /** A hash no PIN matches, checked for unknown cards so that they take as long as known ones. */
    private volatile String decoy;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SignInOutcome signIn(String libraryIsil, String cardNumber, String pin) {
        if (libraryIsil == null || libraryIsil.isBlank() || cardNumber == null || cardNumber.isBlank()
                || pin == null || pin.isEmpty() || pin.length() > PIN_MAX) {
            return wrong();
        }
        Optional<Reader> found = find(libraryIsil.strip(), cardNumber.strip());
        if (found.isEmpty()) {
            pinHash.verify(pin.toCharArray(), decoy());
            return wrong();
        }
        Reader reader = found.get();
        em.lock(reader, LockModeType.PESSIMISTIC_WRITE); // wrong PINs tried at once are all counted
        Instant now = Instant.now();
        ZoneId zone = reader.homeLibrary().timeZone();
        Optional<Instant> locked = reader.signInLockedAt(now);
        if (locked.isPresent()) {
            String until = time(locked.get(), zone);
            return new SignInOutcome.Refused(SignInOutcome.Why.LOCKED, lockedMessage(until), List.of(until));
        }
        if (reader.pinHash() == null || !pinHash.verify(pin.toCharArray(), reader.pinHash())) {
            reader.wrongPin(now);
            Optional<Instant> nowLocked = reader.signInLockedAt(now);
            if (nowLocked.isPresent()) {
                LOG.warning(() -> "Library card " + reader.homeLibrary().agencyId().value() + "/"
                        + reader.cardNumber() + " locked out of the portal after "
                        + Reader.WRONG_PINS_BEFORE_LOCK + " wrong PINs");
                String until = time(nowLocked.get(), zone);
                return new SignInOutcome.Refused(SignInOutcome.Why.WRONG_AND_NOW_LOCKED,
                        WRONG + " " + lockedMessage(until), List.of(until));
            }
            return wrong();
        }
        LocalDate today = LocalDate.now(zone);
        Optional<String> unusable = reader.whyCardCannotBeUsedOn(today);
        if (unusable.isPresent()) {
            return reader.status() == ReaderStatus.BLOCKED
                    ? new SignInOutcome.Refused(SignInOutcome.Why.BLOCKED, unusable.get(),
                    List.of(reader.cardNumber(), reader.blockedReason()))
                    : new SignInOutcome.Refused(SignInOutcome.Why.CARD_NOT_VALID, unusable.get(),
                    List.of(reader.cardNumber(), today.toString(), reader.cardValidFrom().toString(),
                            reader.cardValidUntil().toString()));
        }
        reader.signedIn();
        return new SignInOutcome.SignedIn(ReaderPrincipal.of(reader.homeLibrary().agencyId().value(),
                reader.cardNumber()), reader.fullName());
    }

    /**
     * Sets a reader's PIN (staff of the reader's library, a network administrator, or the system loading demo data).
     *
     * @throws InvalidInputException when the PIN is shorter than {@value #PIN_MIN} or longer than {@value #PIN_MAX}
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void setPin(Actor actor, String libraryIsil, String cardNumber, String pin) {
        actor.requireSpeaksForOneOf("set a reader's PIN", org.openill.domain.library.AgencyId.isil(libraryIsil));
        if (pin == null || pin.length() < PIN_MIN || pin.length() > PIN_MAX || !pin.strip().equals(pin)) {
            throw new InvalidInputException("PIN", "A PIN has " + PIN_MIN + " to " + PIN_MAX
                    + " characters, without spaces at either end");
        }
        Reader reader = repository.reader(libraryIsil, cardNumber);
        reader.changePin(pinHash.generate(pin.toCharArray()));
        audit.record(actor, "reader", reader.id(), "PIN set", null, null, "Library card " + cardNumber);
    }

    /**
     * Gives every reader of the libraries who has no PIN yet this one (a network administrator or the system, for
     * demonstration data whose PIN is published): one hash for all of them.
     *
     * @return how many readers got it
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int givePinWhereNone(Actor actor, List<String> libraryIsils, String pin) {
        actor.requireNetworkWide("give readers a PIN");
        List<Reader> without = em.createQuery("""
                        SELECT r FROM Reader r WHERE r.pinHash IS NULL AND r.homeLibrary.agencyId.value IN :isils""",
                        Reader.class).setParameter("isils", libraryIsils).getResultList();
        if (without.isEmpty()) {
            return 0;
        }
        String hash = pinHash.generate(pin.toCharArray());
        without.forEach(reader -> reader.changePin(hash));
        return without.size();
    }

    /** Whether the reader has a PIN to sign in with. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean hasPin(String libraryIsil, String cardNumber) {
        return repository.reader(libraryIsil, cardNumber).pinHash() != null;
    }

    private Optional<Reader> find(String libraryIsil, String cardNumber) {
        try {
            return Optional.of(repository.reader(libraryIsil, cardNumber));
        } catch (NotFoundException | IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private String decoy() {
        String hash = decoy;
        if (hash == null) {
            hash = pinHash.generate(java.util.UUID.randomUUID().toString().toCharArray());
            decoy = hash;
        }
        return hash;
    }

    private static SignInOutcome.Refused wrong() {
        return new SignInOutcome.Refused(SignInOutcome.Why.WRONG_CARD_OR_PIN, WRONG, List.of());
    }

    private static String time(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern("HH:mm").format(instant.atZone(zone));
    }

    private static String lockedMessage(String until) {
        return "After " + Reader.WRONG_PINS_BEFORE_LOCK + " wrong PINs this card cannot sign in until " + until
                + ". Ask your library to reset the PIN if you have forgotten it.";
    }
}
