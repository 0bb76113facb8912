package org.openill.application.protocol;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.openill.application.BorrowingService;
import org.openill.application.LendingService;
import org.openill.domain.Actor;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.NotFoundException;
import org.openill.domain.agreement.PartnerAgreement;
import org.openill.domain.catalogue.BibliographicRecord;
import org.openill.domain.lending.SupplierRequest;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Library;
import org.openill.domain.protocol.ProtocolMessage;
import org.openill.domain.protocol.ReceivedMessage;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.IllRequest;
import org.openill.domain.request.LoanCondition;
import org.openill.domain.request.RotaEntry;
import org.openill.domain.request.ServiceType;
import org.openill.infrastructure.iso18626.Iso18626Codec;
import org.openill.infrastructure.iso18626.Iso18626Messages.Confirmation;
import org.openill.infrastructure.iso18626.Iso18626Messages.TransactionIds;
import org.openill.iso18626.v2021.BibliographicInfo;
import org.openill.iso18626.v2021.ISO18626Message;
import org.openill.iso18626.v2021.Request;
import org.openill.iso18626.v2021.RequestingAgencyMessage;
import org.openill.iso18626.v2021.SupplyingAgencyMessage;
import org.openill.iso18626.v2021.TypeAgencyId;
import org.openill.iso18626.v2021.TypeCosts;
import org.openill.iso18626.v2021.TypeRequestType;
import org.openill.iso18626.v2021.TypeSchemeValuePair;
import org.openill.iso18626.v2021.TypeYesNo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Applies one incoming ISO 18626 message to the receiving library's own record of the request, in a transaction of
 * its own: a request creates (or, as a retry or a reminder, updates) the lender's record; a requesting agency
 * message is the borrower's action on it; a supplying agency message is the lender's report to the borrower's
 * record. The sender acts as a partner ({@link Actor.Partner}), so the records' own rules decide what it may do.
 * The message and its confirmation are logged with the record.
 */
@Stateless
public class MessageHandler {

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    @EJB
    private ProtocolLog log;

    @EJB
    private BorrowingService borrowing;

    @EJB
    private LendingService lending;

    /** The library hosted here the message is for, and its record when it has one. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Iso18626Inbox.Receiver receiverOf(ISO18626Message message) {
        if (message.getRequest() != null) {
            Library lender = library(message.getRequest().getHeader().getSupplyingAgencyId(), "supplying agency");
            return new Iso18626Inbox.Receiver(lender.id(), null, null);
        }
        if (message.getRequestingAgencyMessage() != null) {
            var header = message.getRequestingAgencyMessage().getHeader();
            Library lender = library(header.getSupplyingAgencyId(), "supplying agency");
            Long record = supplierRecord(lender, agency(header.getRequestingAgencyId()),
                    header.getRequestingAgencyRequestId()).map(SupplierRequest::id).orElse(null);
            return new Iso18626Inbox.Receiver(lender.id(), null, record);
        }
        if (message.getSupplyingAgencyMessage() != null) {
            var header = message.getSupplyingAgencyMessage().getHeader();
            Library borrower = library(header.getRequestingAgencyId(), "requesting agency");
            Long record = requestOf(borrower, header.getRequestingAgencyRequestId()).orElse(null);
            return new Iso18626Inbox.Receiver(borrower.id(), record, null);
        }
        throw new IllRuleViolation("A confirmation is an answer, not a message to apply");
    }

    /**
     * Applies the message and returns its confirmation (OK).
     *
     * @throws org.openill.domain.IllException when the message cannot be applied: nothing is changed
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String apply(ISO18626Message message, String xml, Instant received) {
        String identity = ReceivedMessage.identityOf(xml);
        return applyHere(message, xml, identity, received, few(java.util.List.of(message), java.util.List.of(identity)),
                true).xml();
    }

    /**
     * Applies the messages, in order, all in one transaction, each as {@link #apply} would; their confirmations. They
     * are applied a few at a time: the few's answers given before and the borrowing records their lenders' reports
     * are for are read (those records locked) in one statement each, the few's changes written together, then let go.
     *
     * @throws RuntimeException when one of them cannot be applied: none is
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public java.util.List<Answered> applyAll(java.util.List<ISO18626Message> messages, java.util.List<String> xmls,
                                             Instant received) {
        java.util.List<Answered> confirmations = new java.util.ArrayList<>();
        for (int from = 0; from < messages.size(); from += APPLIED_AT_ONCE) {
            int to = Math.min(messages.size(), from + APPLIED_AT_ONCE);
            java.util.List<String> identities = xmls.subList(from, to).stream().map(ReceivedMessage::identityOf)
                    .toList();
            Few few = few(messages.subList(from, to), identities);
            for (int i = from; i < to; i++) {
                confirmations.add(applyHere(messages.get(i), xmls.get(i), identities.get(i - from), received, few,
                        false));
            }
            // written together, and let go: a flush looks at the few messages' records since the last one, not at all
            em.flush();
            em.clear();
        }
        return confirmations;
    }

    /** How many of the messages given to {@link #applyAll} are read and written at once. */
    private static final int APPLIED_AT_ONCE = 25;

    /**
     * A few messages applied together: the answers given before to any of them (and to those of them applied so far),
     * the borrowing libraries hosted here the lenders' reports among them are for, and the borrowing records those
     * reports are for (with their rota entry, lender and reader), locked.
     */
    private record Few(java.util.Map<String, String> answered, java.util.Map<AgencyId, Library> libraries,
                       java.util.Map<RecordOf, RotaEntry> entries) {

        Library library(TypeAgencyId id, String role) {
            Library library = libraries.get(agency(id));
            if (library == null) {
                throw noLibraryHosted(agency(id), role);
            }
            return library;
        }

        java.util.Optional<RotaEntry> entry(Library borrower, String requestId) {
            return java.util.Optional.ofNullable(entries.get(new RecordOf(borrower.id(),
                    requestId == null ? "" : requestId)));
        }
    }

    /** A borrowing library's record of a request, named as a lender's report names it: the library, its request id. */
    private record RecordOf(long borrowerId, String requestId) {
    }

    private Few few(java.util.List<ISO18626Message> messages, java.util.List<String> identities) {
        java.util.Map<String, String> answered = new java.util.HashMap<>();
        em.createQuery("SELECT m.sha256, m.confirmation FROM ReceivedMessage m WHERE m.sha256 IN :identities",
                        Object[].class)
                .setParameter("identities", identities).getResultList()
                .forEach(before -> answered.put((String) before[0], (String) before[1]));
        java.util.Set<AgencyId> agencies = new java.util.HashSet<>();
        java.util.List<java.util.Map.Entry<AgencyId, String>> reports = new java.util.ArrayList<>(); // borrower, id
        for (ISO18626Message message : messages) {
            var header = message.getSupplyingAgencyMessage() == null ? null
                    : message.getSupplyingAgencyMessage().getHeader();
            TypeAgencyId borrower = header == null ? null : header.getRequestingAgencyId();
            if (borrower != null && borrower.getAgencyIdType() != null && borrower.getAgencyIdValue() != null) {
                agencies.add(agency(borrower));
                reports.add(java.util.Map.entry(agency(borrower), header.getRequestingAgencyRequestId() == null ? ""
                        : header.getRequestingAgencyRequestId()));
            }
        }
        java.util.Map<AgencyId, Library> libraries = new java.util.HashMap<>();
        if (!agencies.isEmpty()) {
            em.createQuery("SELECT l FROM Library l WHERE l.hosted = true AND l.agencyId.value IN :values",
                            Library.class)
                    .setParameter("values", agencies.stream().map(AgencyId::value).distinct().toList())
                    .getResultList().stream().filter(library -> agencies.contains(library.agencyId()))
                    .forEach(library -> libraries.put(library.agencyId(), library));
        }
        return new Few(answered, libraries, entries(reports, libraries));
    }

    /**
     * The borrowing records the reports are for (by the requesting library and its request id), locked in one
     * statement (in the order of their ids, as every batch of them is) and then read as they are now, with their rota
     * entry, lender and reader: by (borrower id, request id).
     */
    private java.util.Map<RecordOf, RotaEntry> entries(java.util.List<java.util.Map.Entry<AgencyId, String>> reports,
                                                       java.util.Map<AgencyId, Library> libraries) {
        StringBuilder pairs = new StringBuilder();
        java.util.List<Object> values = new java.util.ArrayList<>();
        for (java.util.Map.Entry<AgencyId, String> report : reports) {
            Library borrower = libraries.get(report.getKey());
            if (borrower != null) {
                pairs.append(pairs.isEmpty() ? "" : ", ").append("(?").append(values.size() + 1).append(", ?")
                        .append(values.size() + 2).append(')');
                values.add(borrower.id());
                values.add(report.getValue());
            }
        }
        if (values.isEmpty()) {
            return java.util.Map.of();
        }
        var lock = em.createNativeQuery("SELECT r.id FROM ill_request r JOIN rota_entry e ON e.request_id = r.id"
                + " WHERE (r.borrower_id, e.requesting_agency_request_id) IN (" + pairs + ") ORDER BY r.id"
                + " FOR UPDATE OF r");
        for (int i = 0; i < values.size(); i++) {
            lock.setParameter(i + 1, values.get(i));
        }
        @SuppressWarnings("unchecked")
        java.util.List<Number> locked = lock.getResultList();
        if (locked.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<RecordOf, RotaEntry> entries = new java.util.HashMap<>();
        em.createQuery("""
                        SELECT e FROM RotaEntry e JOIN FETCH e.request r JOIN FETCH e.lender JOIN FETCH r.borrower
                        WHERE r.id IN :ids""", RotaEntry.class)
                .setParameter("ids", locked.stream().map(Number::longValue).distinct().toList())
                .setHint("eclipselink.refresh", true)
                .setHint("eclipselink.batch", "e.request.reader").setHint("eclipselink.batch.type", "IN")
                .getResultList()
                .forEach(entry -> entries.put(new RecordOf(entry.request().borrower().id(),
                        entry.requestingAgencyRequestId()), entry));
        return entries;
    }

    /**
     * The confirmation a message was answered with, as written, and as the message it was written from (null when
     * the answer is one given before: a message received again).
     */
    public record Answered(String xml, ISO18626Message message) {
    }

    /**
     * Applies one message of the few: alone (its changes written before it is answered, so that a clash shows here),
     * or as one of a few applied together (a lender's report is then written with the few).
     */
    private Answered applyHere(ISO18626Message message, String xml, String identity, Instant received, Few few,
                               boolean alone) {
        String before = few.answered().get(identity);
        if (before != null) {
            // received again (a partner's retry): answered as before, nothing changes
            return new Answered(before, null);
        }
        Answered confirmation;
        Library library;
        if (message.getRequest() == null && message.getRequestingAgencyMessage() == null
                && message.getSupplyingAgencyMessage() == null) {
            throw new IllRuleViolation("A confirmation is an answer to a message, not a message to apply");
        }
        if (message.getRequest() != null) {
            SupplierRequest record = request(message.getRequest(), received);
            library = record.lender();
            confirmation = logged(library, null, record, message, xml, received, true);
        } else if (message.getRequestingAgencyMessage() != null) {
            SupplierRequest record = requestingAgencyMessage(message, xml, received);
            library = record.lender();
            confirmation = logged(library, null, record, message, null, received, true);
        } else {
            IllRequest record = supplyingAgencyMessage(message, xml, received, few);
            library = record.borrower();
            confirmation = logged(library, record, null, message, null, received, alone);
        }
        // kept with the change: the same message again gets this answer (a second one at once clashes and is undone)
        em.persist(new ReceivedMessage(identity, library, received, confirmation.xml()));
        if (alone || message.getSupplyingAgencyMessage() == null) {
            em.flush();
        }
        few.answered().put(identity, confirmation.xml());
        return confirmation;
    }

    /** The confirmation a message with this identity was answered with, if it was received before. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public java.util.Optional<String> previousAnswer(String identity) {
        return java.util.Optional.ofNullable(em.find(ReceivedMessage.class, identity)).map(ReceivedMessage::confirmation);
    }

    private Answered logged(Library library, IllRequest request, SupplierRequest supplierRequest,
                          ISO18626Message message, String xml, Instant received, boolean writeNow) {
        if (writeNow) {
            em.flush(); // a new record has its id now, and a concurrent change shows here
        }
        Long requestId = request == null ? null : request.id();
        Long supplierId = supplierRequest == null ? null : supplierRequest.id();
        ISO18626Message answer = Iso18626Inbox.confirmation(org.openill.infrastructure.iso18626.MessageKind.of(message),
                message, Confirmation.ok(idsOf(message, supplierRequest), timestampOf(message, received), received));
        String confirmation = Iso18626Codec.toXml(answer);
        if (xml != null) {
            log.record(library.id(), requestId, supplierId, ProtocolMessage.Direction.IN, xml,
                    MessageSummary.of(message));
        }
        log.record(library.id(), requestId, supplierId, ProtocolMessage.Direction.OUT, confirmation,
                MessageSummary.of(answer));
        return new Answered(confirmation, answer);
    }

    // ---- the lender's side: a request, and the borrower's actions ----

    private SupplierRequest request(Request request, Instant now) {
        var header = request.getHeader();
        Library lender = library(header.getSupplyingAgencyId(), "supplying agency");
        AgencyId requester = agency(header.getRequestingAgencyId());
        Actor partner = new Actor.Partner(requester);
        TypeRequestType type = request.getServiceInfo() == null || request.getServiceInfo().getRequestType() == null
                ? TypeRequestType.NEW : request.getServiceInfo().getRequestType();
        String requestId = header.getRequestingAgencyRequestId();
        if (type == TypeRequestType.RETRY) {
            String previous = request.getServiceInfo().getRequestingAgencyPreviousRequestId();
            if (previous == null) {
                throw new IllRuleViolation("A Retry request must name the request it follows up "
                        + "(serviceInfo/requestingAgencyPreviousRequestId)");
            }
            SupplierRequest record = supplierRecord(lender, requester, previous).orElseThrow(() ->
                    new NotFoundException(lender.agencyId().value() + " has no request " + previous + " of "
                            + requester.value() + " to retry"));
            em.refresh(record, LockModeType.PESSIMISTIC_WRITE); // one message at a time
            record.retryReceived(partner, requestId, now);
            return record;
        }
        if (type == TypeRequestType.REMINDER) {
            SupplierRequest record = supplierRecord(lender, requester, requestId).orElseThrow(() ->
                    new NotFoundException(lender.agencyId().value() + " has no request " + requestId + " of "
                            + requester.value()));
            record.reminderReceived(partner, now);
            return record;
        }
        if (supplierRecord(lender, requester, requestId).isPresent()) {
            throw new IllRuleViolation(lender.agencyId().value() + " already has request " + requestId + " of "
                    + requester.value());
        }
        Library borrower = em.createQuery("""
                        SELECT l FROM Library l WHERE l.agencyId.type = :type AND l.agencyId.value = :value""",
                        Library.class)
                .setParameter("type", requester.type()).setParameter("value", requester.value())
                .getResultStream().findFirst().orElse(null);
        PartnerAgreement agreement = borrower == null ? null : lending.agreementFor(lender, borrower, now);
        BibliographicInfo info = request.getBibliographicInfo();
        ServiceType service = ProtocolMessages.service(request.getServiceInfo() == null ? null
                : request.getServiceInfo().getServiceType());
        BibliographicDescription description = description(info);
        BibliographicRecord catalogued = recordOf(info);
        SupplierRequest record = new SupplierRequest(partner, lender, requester, requestId, borrower, agreement,
                catalogued != null ? catalogued : recordHeldBy(lender, description), description, service,
                request.getPatronInfo() == null ? null : request.getPatronInfo().getPatronId(), now);
        em.persist(record);
        if (lender.answersNewRequestsAutomatically()) {
            em.flush(); // the record has its id before it is answered
            lending.answerAutomatically(record, now);
        }
        return record;
    }

    /** The borrower's action, logged as received before what it leads to (an answer it gets at once). */
    private SupplierRequest requestingAgencyMessage(ISO18626Message whole, String xml, Instant now) {
        RequestingAgencyMessage message = whole.getRequestingAgencyMessage();
        var header = message.getHeader();
        Library lender = library(header.getSupplyingAgencyId(), "supplying agency");
        AgencyId requester = agency(header.getRequestingAgencyId());
        SupplierRequest record = supplierRecord(lender, requester, header.getRequestingAgencyRequestId())
                .orElseThrow(() -> new NotFoundException(lender.agencyId().value() + " has no request "
                        + header.getRequestingAgencyRequestId() + " of " + requester.value()));
        em.refresh(record, LockModeType.PESSIMISTIC_WRITE); // one message at a time
        log.record(lender.id(), null, record.id(), ProtocolMessage.Direction.IN, xml, MessageSummary.of(whole));
        lending.borrowerActs(new Actor.Partner(requester), record, message.getAction(), message.getNote(), now);
        return record;
    }

    // ---- the borrower's side: the lender's reports ----

    /** The lender's report, logged as received before what it leads to (the next lender asked ...). */
    private IllRequest supplyingAgencyMessage(ISO18626Message whole, String xml, Instant now, Few few) {
        SupplyingAgencyMessage message = whole.getSupplyingAgencyMessage();
        var header = message.getHeader();
        Library borrower = few.library(header.getRequestingAgencyId(), "requesting agency");
        AgencyId lender = agency(header.getSupplyingAgencyId());
        // one message at a time: the few read the borrower's record locked, as it is now, with what applying needs
        RotaEntry entry = few.entry(borrower, header.getRequestingAgencyRequestId())
                .orElseThrow(() -> new NotFoundException(borrower.agencyId().value() + " has no request "
                        + header.getRequestingAgencyRequestId()));
        IllRequest request = entry.request();
        if (!entry.lender().agencyId().equals(lender)) {
            throw new IllRuleViolation("Request " + header.getRequestingAgencyRequestId() + " was sent to "
                    + entry.lender().agencyId().value() + ", not to " + lender.value());
        }
        log.record(borrower.id(), request.id(), null, ProtocolMessage.Direction.IN, xml, MessageSummary.of(whole));
        var info = message.getMessageInfo();
        var status = message.getStatusInfo();
        var retry = message.getRetryInfo();
        var delivery = message.getDeliveryInfo();
        borrowing.lenderReports(new Actor.Partner(lender), request, entry, new LenderReport(
                info.getReasonForMessage(), status.getStatus(), info.getAnswerYesNo() == TypeYesNo.Y,
                info.getAnswerYesNo() != null, info.getNote(), value(info.getReasonUnfilled()),
                value(info.getReasonRetry()), header.getSupplyingAgencyRequestId(),
                status.getDueDate() == null ? null : LocalDate.ofInstant(status.getDueDate(), entry.lender().timeZone()),
                retry == null ? Set.of() : conditions(retry.getLoanCondition()),
                retry == null || retry.getOfferedCosts().isEmpty() ? null : retry.getOfferedCosts().get(0),
                retry == null ? null : retry.getRetryBefore(),
                delivery == null || delivery.getItemId().isEmpty() ? null : delivery.getItemId().get(0)), now);
        return request;
    }

    /** What a lender's supplying agency message says, as the borrower's side reads it. */
    public record LenderReport(org.openill.iso18626.v2021.TypeReasonForMessage reason,
                               org.openill.iso18626.v2021.TypeStatus status, boolean yes, boolean answered,
                               String note, String reasonUnfilled, String reasonRetry, String supplyingAgencyRequestId,
                               LocalDate dueDate, Set<LoanCondition> conditions, TypeCosts offeredCost,
                               Instant retryBefore, String itemId) {

        public BigDecimal cost() {
            return offeredCost == null ? null : offeredCost.getMonetaryValue();
        }

        public String currency() {
            return offeredCost == null || offeredCost.getCurrencyCode() == null ? null
                    : offeredCost.getCurrencyCode().getValue();
        }
    }

    // ---- looking things up ----

    private Library library(TypeAgencyId id, String role) {
        AgencyId agency = agency(id);
        return em.createQuery("""
                        SELECT l FROM Library l WHERE l.agencyId.type = :type AND l.agencyId.value = :value
                        AND l.hosted = true""", Library.class)
                .setParameter("type", agency.type()).setParameter("value", agency.value())
                .getResultStream().findFirst()
                .orElseThrow(() -> noLibraryHosted(agency, role));
    }

    private static NotFoundException noLibraryHosted(AgencyId agency, String role) {
        return new NotFoundException("No library hosted here has the " + role + " id " + agency.type() + " "
                + agency.value());
    }

    private static AgencyId agency(TypeAgencyId id) {
        if (id == null || id.getAgencyIdValue() == null || id.getAgencyIdType() == null) {
            throw new IllRuleViolation("The message names no agency");
        }
        return new AgencyId(id.getAgencyIdType().getValue(), id.getAgencyIdValue());
    }

    private java.util.Optional<SupplierRequest> supplierRecord(Library lender, AgencyId requester, String requestId) {
        return em.createQuery("""
                        SELECT s FROM SupplierRequest s WHERE s.lender = :lender
                        AND s.requestingAgency.type = :type AND s.requestingAgency.value = :value
                        AND s.requestingAgencyRequestId = :id""", SupplierRequest.class)
                .setParameter("lender", lender).setParameter("type", requester.type())
                .setParameter("value", requester.value()).setParameter("id", requestId == null ? "" : requestId)
                .getResultStream().findFirst();
    }

    /** The id of the borrowing library's record of the request with the id (to tell whose a message is). */
    private java.util.Optional<Long> requestOf(Library borrower, String requestId) {
        return em.createQuery("""
                        SELECT r.id FROM RotaEntry e JOIN e.request r
                        WHERE e.requestingAgencyRequestId = :id AND r.borrower = :borrower""", Long.class)
                .setParameter("id", requestId == null ? "" : requestId).setParameter("borrower", borrower)
                .getResultStream().findFirst();
    }

    private BibliographicRecord recordOf(BibliographicInfo info) {
        if (info == null || info.getSupplierUniqueRecordId() == null) {
            return null;
        }
        try {
            return em.find(BibliographicRecord.class, Long.parseLong(info.getSupplierUniqueRecordId().strip()));
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }

    /**
     * The lender's catalogue record of an item a partner asked for by its identifiers (a partner elsewhere does not
     * know our record ids): the record with the ISBN or ISSN of which the lender holds a copy.
     */
    private BibliographicRecord recordHeldBy(Library lender, BibliographicDescription description) {
        String isbn = description.isbn();
        String issn = description.issn();
        if (isbn == null && issn == null) {
            return null;
        }
        return em.createQuery("""
                        SELECT r FROM BibliographicRecord r
                        WHERE (r.isbn = :isbn OR r.issn = :issn)
                          AND EXISTS (SELECT h FROM Holding h WHERE h.record = r AND h.location.branch.library = :lender)
                        ORDER BY r.id""", BibliographicRecord.class)
                .setParameter("isbn", isbn == null ? "-" : isbn).setParameter("issn", issn == null ? "-" : issn)
                .setParameter("lender", lender).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    private static BibliographicDescription description(BibliographicInfo info) {
        if (info == null || info.getTitle() == null || info.getTitle().isBlank()) {
            throw new IllRuleViolation("The request names no title (bibliographicInfo/title)");
        }
        String isbn = null;
        String issn = null;
        for (var id : info.getBibliographicItemId()) {
            String code = id.getBibliographicItemIdentifierCode() == null ? ""
                    : id.getBibliographicItemIdentifierCode().getValue();
            if ("ISBN".equalsIgnoreCase(code) && isbn == null) {
                isbn = id.getBibliographicItemIdentifier();
            } else if ("ISSN".equalsIgnoreCase(code) && issn == null) {
                issn = id.getBibliographicItemIdentifier();
            }
        }
        BibliographicDescription.Builder builder = BibliographicDescription.titled(info.getTitle())
                .by(info.getAuthor()).published(null, null, info.getEdition());
        try {
            builder = builder.isbn(isbn).issn(issn);
            return builder.part(info.getTitleOfComponent(), info.getAuthorOfComponent(),
                    info.getVolume().isEmpty() ? null : info.getVolume().get(0), info.getIssue(),
                    info.getPagesRequested()).build();
        } catch (RuntimeException badIdentifier) {
            // an identifier we cannot read does not keep the request out: the title and author identify the item
            return BibliographicDescription.titled(info.getTitle()).by(info.getAuthor())
                    .part(info.getTitleOfComponent(), info.getAuthorOfComponent(),
                            info.getVolume().isEmpty() ? null : info.getVolume().get(0), info.getIssue(),
                            info.getPagesRequested()).build();
        }
    }

    private static Set<LoanCondition> conditions(List<TypeSchemeValuePair> codes) {
        EnumSet<LoanCondition> set = EnumSet.noneOf(LoanCondition.class);
        for (TypeSchemeValuePair code : codes) {
            LoanCondition condition = LoanCondition.ofIso18626(code.getValue());
            set.add(condition == null ? LoanCondition.OTHER : condition);
        }
        return set;
    }

    private static String value(TypeSchemeValuePair pair) {
        return pair == null ? null : pair.getValue();
    }

    /** The ids of the transaction a message belongs to, as its confirmation repeats them (null if it names none). */
    static TransactionIds idsOf(ISO18626Message message) {
        return idsOf(message, null);
    }

    private static TransactionIds idsOf(ISO18626Message message, SupplierRequest created) {
        try {
            if (message.getRequest() != null) {
                var h = message.getRequest().getHeader();
                return new TransactionIds(agency(h.getRequestingAgencyId()), agency(h.getSupplyingAgencyId()),
                        h.getRequestingAgencyRequestId(), created == null ? null : created.supplyingAgencyRequestId());
            }
            if (message.getRequestingAgencyMessage() != null) {
                var h = message.getRequestingAgencyMessage().getHeader();
                return new TransactionIds(agency(h.getRequestingAgencyId()), agency(h.getSupplyingAgencyId()),
                        h.getRequestingAgencyRequestId(), h.getSupplyingAgencyRequestId());
            }
            if (message.getSupplyingAgencyMessage() != null) {
                var h = message.getSupplyingAgencyMessage().getHeader();
                return new TransactionIds(agency(h.getRequestingAgencyId()), agency(h.getSupplyingAgencyId()),
                        h.getRequestingAgencyRequestId(), h.getSupplyingAgencyRequestId());
            }
        } catch (RuntimeException incomplete) {
            return null;
        }
        return null;
    }

    static Instant timestampOf(ISO18626Message message, Instant otherwise) {
        Instant timestamp = null;
        if (message == null) {
            return otherwise;
        }
        if (message.getRequest() != null) {
            timestamp = message.getRequest().getHeader().getTimestamp();
        } else if (message.getRequestingAgencyMessage() != null) {
            timestamp = message.getRequestingAgencyMessage().getHeader().getTimestamp();
        } else if (message.getSupplyingAgencyMessage() != null) {
            timestamp = message.getSupplyingAgencyMessage().getHeader().getTimestamp();
        }
        return timestamp == null ? otherwise : timestamp;
    }
}
