package org.openill.application.reader;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.application.ApplicationTerms;
import org.openill.application.BorrowingService;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.ServiceType;
import org.openill.domain.Actor;
import org.openill.domain.NotFoundException;
import org.openill.domain.notification.ReaderNotification;
import org.openill.domain.reader.Reader;
import org.openill.domain.request.IllRequest;
import org.openill.domain.request.RequestAction;
import org.openill.domain.request.RequestStateMachine;
import org.openill.infrastructure.persistence.IllRepository;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a signed-in reader does in the portal, always as themselves: the reader is the caller the container
 * authenticated (never an argument a page could forge), and a request of anyone else is not found, whatever id is
 * asked for.
 */
@Stateless
@DeclareRoles(ReaderPortal.ROLE)
@RolesAllowed(ReaderPortal.ROLE)
public class ReaderPortal {

    /** The role of a reader signed in to the portal. */
    public static final String ROLE = "READER";

    /** What a reader may do to their own request, where its state allows. */
    static final Set<RequestAction> READER_STEPS = EnumSet.of(RequestAction.CANCEL, RequestAction.REQUEST_RENEWAL,
            RequestAction.READER_ACCEPTS_CONDITIONS, RequestAction.READER_DECLINES_CONDITIONS);

    @Resource
    private SessionContext session;

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private IllRepository repository;

    @EJB
    private BorrowingService borrowing;

    /** The signed-in reader as they act. */
    public Actor.Reader me() {
        return ReaderPrincipal.actor(session.getCallerPrincipal().getName());
    }

    /** Who the signed-in reader is, as the portal greets them and fills in forms. */
    public ReaderProfile profile() {
        Reader reader = reader();
        return new ReaderProfile(reader.homeLibrary().agencyId().value(), reader.homeLibrary().name(),
                reader.cardNumber(), reader.firstName(), reader.lastName(), reader.email(), reader.phone(),
                reader.department(), reader.category(), reader.cardValidUntil(), reader.language().toLanguageTag());
    }

    /** The messages the reader was sent about their requests (the portal's inbox), the latest first. */
    public List<InboxMessage> inbox() {
        return em.createQuery("""
                        SELECT n FROM ReaderNotification n JOIN FETCH n.request
                        WHERE n.reader = :reader ORDER BY n.createdAt DESC, n.id DESC""", ReaderNotification.class)
                .setParameter("reader", reader()).setMaxResults(200).getResultList().stream()
                .map(n -> new InboxMessage(n.id(), n.request().id(), n.request().description().title(),
                        n.createdAt(), n.subject(), n.body(), n.sentAt() != null)).toList();
    }

    /** One message of the inbox: about which request, when, what; whether it also went out by e-mail. */
    public record InboxMessage(long id, long requestId, String title, java.time.Instant at, String subject,
                               String body, boolean mailed) {
    }

    /** The reader reads the portal in this language ("en", "zh-CN") from now on, and is written to in it. */
    public void prefersLanguage(String tag) {
        Reader reader = reader();
        if (!reader.language().toLanguageTag().equals(tag)) {
            reader.prefersLanguage(tag);
        }
    }

    /** The reader's requests, open and past, the latest first. */
    public List<MyRequestLine> myRequests() {
        Reader reader = reader();
        return em.createQuery("""
                        SELECT r FROM IllRequest r LEFT JOIN FETCH r.lender
                        WHERE r.reader = :reader ORDER BY r.createdAt DESC, r.id DESC""", IllRequest.class)
                .setParameter("reader", reader).setMaxResults(500).getResultList().stream()
                .map(MyRequestLine::of).toList();
    }

    /**
     * One of the reader's requests, with its timeline and the messages about it.
     *
     * @throws NotFoundException when the reader has no request with this id (another reader's included)
     */
    public MyRequestView myRequest(long requestId) {
        IllRequest request = mine(requestId);
        List<ReaderNotification> messages = em.createQuery("""
                        SELECT n FROM ReaderNotification n WHERE n.request = :request ORDER BY n.createdAt, n.id""",
                        ReaderNotification.class).setParameter("request", request).getResultList();
        Set<RequestAction> steps = EnumSet.noneOf(RequestAction.class);
        steps.addAll(RequestStateMachine.actionsIn(request.state()));
        steps.retainAll(READER_STEPS);
        if (request.renewalRequested()) {
            steps.remove(RequestAction.REQUEST_RENEWAL);
        }
        return MyRequestView.of(request, steps, messages);
    }

    /**
     * The application form for a record of the union catalogue, or an empty one (null) for an item the reader
     * describes.
     *
     * @throws NotFoundException when there is no such record
     */
    public ApplicationForm applicationFor(Long recordId) {
        Reader reader = reader();
        ReaderProfile me = profile();
        List<org.openill.application.LibraryChoice> branches = reader.homeLibrary().branches().stream()
                .map(branch -> new org.openill.application.LibraryChoice(branch.code(), branch.name())).toList();
        if (recordId == null) {
            return new ApplicationForm(me, branches, null, null, null, null, null, null, null, null, null, null);
        }
        BibliographicRecord record = repository.record(recordId);
        return new ApplicationForm(me, branches, record.id(), record.title(), record.authors(), record.isbn(),
                record.issn(), record.publisher(), record.publicationYear(), record.edition(),
                borrowing.ownLibraryServes(reader.homeLibrary(), record, ServiceType.LOAN).orElse(null),
                borrowing.ownLibraryServes(reader.homeLibrary(), record, ServiceType.COPY).orElse(null));
    }

    /**
     * The union catalogue record with this ISBN, or else this ISSN (as a link from elsewhere names an item), if there
     * is one; identifiers that cannot be read find nothing.
     */
    public java.util.Optional<Long> catalogueRecordWith(String isbn, String issn) {
        return repository.recordWith(readable(isbn, true), readable(issn, false)).map(BibliographicRecord::id);
    }

    /** The identifier normalised, or null when there is none or it cannot be read. */
    private static String readable(String identifier, boolean isbn) {
        try {
            return isbn ? org.openill.domain.catalogue.Identifiers.isbnOf(identifier)
                    : org.openill.domain.catalogue.Identifiers.issnOf(identifier);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * Applies, as the signed-in reader, for a loan or a copy of a catalogue record (null: of the item described).
     *
     * @return the new request's id
     */
    public long apply(Long recordId, BibliographicDescription description, ServiceType service,
                      ApplicationTerms terms) {
        return borrowing.apply(me(), recordId, description, service, terms);
    }

    /** Cancels one of the reader's requests (its lender is asked to agree when it already has it). */
    public void cancel(long requestId, long expectedVersion, String reason) {
        mine(requestId);
        borrowing.cancel(me(), requestId, expectedVersion, reason);
    }

    /** Asks for a longer loan of an item the reader has. */
    public void askRenewal(long requestId) {
        mine(requestId);
        borrowing.requestRenewal(me(), requestId);
    }

    /** Accepts or declines the conditions the lender set (a fee, use in the library only ...). */
    public void answerConditions(long requestId, boolean accept) {
        mine(requestId);
        borrowing.readerAnswersConditions(me(), requestId, accept);
    }

    private Reader reader() {
        Actor.Reader me = me();
        return repository.reader(me.library().value(), me.cardNumber());
    }

    /** The request, if it is the signed-in reader's; for anyone else it does not exist. */
    private IllRequest mine(long requestId) {
        Actor.Reader me = me();
        IllRequest request = em.find(IllRequest.class, requestId);
        if (request == null || !request.reader().cardNumber().equals(me.cardNumber())
                || !request.reader().homeLibrary().agencyId().equals(me.library())) {
            throw new NotFoundException("You have no request " + requestId);
        }
        return request;
    }
}
