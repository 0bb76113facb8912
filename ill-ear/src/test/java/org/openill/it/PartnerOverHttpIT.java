package org.openill.it;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.application.BorrowingService;
import org.openill.application.PartnerDirectory;
import org.openill.application.RequestQueries;
import org.openill.application.protocol.FailedMessages;
import org.openill.application.protocol.OutboxSender;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.PartnerProfile;
import org.openill.domain.lending.SupplierState;
import org.openill.domain.reader.ReaderCategory;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.RequestState;
import org.openill.domain.request.ServiceType;
import org.openill.infrastructure.iso18626.Iso18626Codec;
import org.openill.infrastructure.iso18626.Iso18626Messages;
import org.openill.infrastructure.iso18626.Iso18626Messages.Confirmation;
import org.openill.infrastructure.iso18626.Iso18626Messages.Item;
import org.openill.infrastructure.iso18626.Iso18626Messages.Service;
import org.openill.infrastructure.iso18626.Iso18626Messages.SupplierReport;
import org.openill.infrastructure.iso18626.Iso18626Messages.TransactionIds;
import org.openill.infrastructure.iso18626.ReadResult;
import org.openill.iso18626.v2021.ISO18626Message;
import org.openill.iso18626.v2021.TypeReasonForMessage;
import org.openill.iso18626.v2021.TypeRequestType;
import org.openill.iso18626.v2021.TypeServiceType;
import org.openill.iso18626.v2021.TypeStatus;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openill.it.Fixtures.lending;
import static org.openill.it.Fixtures.readerOf;

/**
 * ISO 18626 over HTTP with partners hosted elsewhere, played by a small scripted foreign system: what we send goes
 * out in the partner's schema version with our credentials and nothing secret in our log; what it sends is taken
 * only with its credentials; a partner that is down or failing loses nothing and gets each message once it is back,
 * in order; an ERROR is recorded, not retried; staff send a failed message again; the auto-responder answers by the
 * one supply rule; a partner's declared deviations are tolerated from it alone.
 */
@ExtendWith(ArquillianExtension.class)
class PartnerOverHttpIT {

    private static final URI ENDPOINT = URI.create("http://localhost:8080/ill/iso18626");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern REQUEST_ID = Pattern.compile("<(\\w+:)?requestingAgencyRequestId>([^<]+)<");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(PartnerOverHttpIT.class, Fixtures.class, ScriptedPartner.class,
                ScriptedPartner.Received.class, ScriptedPartner.Answer.class);
    }

    @EJB
    Fixtures fixtures;

    @EJB
    BorrowingService borrowing;

    @EJB
    RequestQueries queries;

    @EJB
    OutboxSender sender;

    @EJB
    FailedMessages failed;

    @EJB
    PartnerDirectory partners;

    /** The partner's script: every message confirmed OK, in the schema version given. */
    private static ScriptedPartner.Answer ok(String body, boolean version12) {
        return confirm(body, version12, null);
    }

    /** The partner's script: every message confirmed, OK or (with an error) ERROR. */
    private static ScriptedPartner.Answer confirm(String body, boolean version12,
                                                  Iso18626Messages.MessageError error) {
        ReadResult.Accepted message = (ReadResult.Accepted) Iso18626Codec.read(body);
        ISO18626Message m = message.message();
        Instant now = Instant.now();
        Confirmation ok;
        ISO18626Message answer;
        if (m.getRequest() != null) {
            var h = m.getRequest().getHeader();
            TransactionIds ids = TransactionIds.of(agency(h.getRequestingAgencyId()),
                    agency(h.getSupplyingAgencyId()), h.getRequestingAgencyRequestId());
            ok = error == null ? Confirmation.ok(ids, h.getTimestamp(), now)
                    : Confirmation.error(ids, h.getTimestamp(), now, error);
            answer = Iso18626Messages.requestConfirmation(ok);
        } else {
            var h = m.getRequestingAgencyMessage().getHeader();
            ok = Confirmation.ok(TransactionIds.of(agency(h.getRequestingAgencyId()), agency(h.getSupplyingAgencyId()),
                    h.getRequestingAgencyRequestId()), h.getTimestamp(), now);
            answer = Iso18626Messages.requestingAgencyMessageConfirmation(ok, m.getRequestingAgencyMessage().getAction());
        }
        String xml = Iso18626Codec.toXml(answer);
        return new ScriptedPartner.Answer(200, version12 ? Iso18626Codec.confirmationAsVersion12(xml) : xml);
    }

    private static AgencyId agency(org.openill.iso18626.v2021.TypeAgencyId id) {
        return new AgencyId(id.getAgencyIdType().getValue(), id.getAgencyIdValue());
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static HttpResponse<String> post(String xml, String isil) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(ENDPOINT).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(xml));
        if (isil != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    ("acct-" + isil + ":secret-" + isil).getBytes(StandardCharsets.UTF_8)));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void eventually(String what, Supplier<Boolean> condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.get(); i++) {
            Thread.sleep(100);
        }
        assertTrue(condition.get(), what);
    }

    /** Waits until the request's messages are as given and none is in the middle of an attempt. */
    private void outboxIs(long id, List<String> expected) throws InterruptedException {
        eventually("the outbox holds " + expected + " settled, not " + fixtures.outboxOf(id), () ->
                fixtures.outboxOf(id).equals(expected) && fixtures.strings("SELECT count(*)::text FROM outbound_message "
                        + "WHERE request_id = " + id + " AND attempts > 0 AND last_error IS NULL AND state = 'PENDING'")
                        .equals(List.of("0")));
    }

    /** A reader of a new library asks for a book the partner elsewhere alone holds; the request is routed to it. */
    private long requestTo(String partner) {
        String borrower = fixtures.newLibrary();
        fixtures.agreement(lending(partner).to(borrower));
        List<String> book = fixtures.newBookHeldAt(partner + "/OPEN");
        String card = fixtures.newReader(borrower, ReaderCategory.POSTGRADUATE);
        long id = borrowing.apply(readerOf(borrower, card), Long.parseLong(book.get(0)),
                BibliographicDescription.titled("Over the Wire").by("Tester, Tina").build(), ServiceType.LOAN);
        borrowing.validate(fixtures.borrowingOffice(id), id, null);
        borrowing.route(fixtures.borrowingOffice(id), id, null);
        return id;
    }

    private static String requestingAgencyRequestId(String xml) {
        Matcher matcher = REQUEST_ID.matcher(xml);
        assertTrue(matcher.find(), xml);
        return matcher.group(2);
    }

    @Test
    void aRequestGoesToAPartnerElsewhereIn12WithOurCredentialsAndNothingSecretIsLogged() throws Exception {
        try (ScriptedPartner partner = new ScriptedPartner(body -> ok(body, true))) {
            String isil = fixtures.newPartnerElsewhere(partner.port(), PartnerProfile.SchemaVersion.V1_2);
            long id = requestTo(isil);

            eventually("the request is delivered", () -> fixtures.outboxOf(id).equals(List.of("request DELIVERED 1")));
            assertEquals(1, partner.received().size());
            ScriptedPartner.Received request = partner.received().get(0);
            assertTrue(request.body().contains("version=\"1.2\""), "written in 1.2: " + request.body());
            assertTrue(request.body().matches("(?s).*<(\\w+:)?accountId>acct-" + isil + "<.*"), request.body());
            assertTrue(request.body().matches("(?s).*<(\\w+:)?securityCode>secret-" + isil + "<.*"), request.body());
            assertEquals("Basic " + Base64.getEncoder().encodeToString(("acct-" + isil + ":secret-" + isil)
                    .getBytes(StandardCharsets.UTF_8)), request.authorization());
            assertEquals(RequestState.REQUEST_RECEIVED, queries.details(id).state());
            List<String> log = fixtures.protocolXmlOf(id);
            assertEquals(2, log.size(), "the request and its confirmation: " + log);
            assertTrue(log.stream().noneMatch(xml -> xml.contains("secret-")), "no security code in our log");
            assertEquals(List.of(), fixtures.strings("SELECT xml FROM protocol_message WHERE xml LIKE '%secret-"
                    + isil + "%'"));
        }
    }

    @Test
    void thePartnersReportsOverHttpMoveOurRecordOnlyWithItsCredentials() throws Exception {
        try (ScriptedPartner partner = new ScriptedPartner(body -> ok(body, true))) {
            String isil = fixtures.newPartnerElsewhere(partner.port(), PartnerProfile.SchemaVersion.V1_2);
            long id = requestTo(isil);
            eventually("the request is delivered", () -> partner.received().size() == 1);
            String ours = requestingAgencyRequestId(partner.received().get(0).body());
            AgencyId borrower = new AgencyId("ISIL", fixtures.strings("SELECT l.agency_id_value FROM ill_request r "
                    + "JOIN library l ON l.id = r.borrower_id WHERE r.id = " + id).get(0));
            String willSupply = Iso18626Codec.asVersion12(Iso18626Codec.toXml(Iso18626Messages.supplyingAgencyMessage(
                    new TransactionIds(borrower, AgencyId.isil(isil), ours, "THEIRS-1"), Instant.now(),
                    SupplierReport.of(TypeReasonForMessage.REQUEST_RESPONSE, TypeStatus.WILL_SUPPLY))));

            HttpResponse<String> noCredentials = post(willSupply, null);
            assertTrue(noCredentials.body().contains("UnrecognisedDataValue"), noCredentials.body());
            assertTrue(noCredentials.body().contains("carries no credentials"), noCredentials.body());
            HttpResponse<String> wrong = CLIENT.send(HttpRequest.newBuilder(ENDPOINT)
                    .header("Content-Type", "application/xml").header("Authorization", "Basic "
                            + Base64.getEncoder().encodeToString(("acct-" + isil + ":guess").getBytes()))
                    .POST(HttpRequest.BodyPublishers.ofString(willSupply)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(wrong.body().contains("are not accepted"), wrong.body());
            assertEquals(RequestState.REQUEST_RECEIVED, queries.details(id).state(), "refused messages change nothing");

            HttpResponse<String> accepted = post(willSupply, isil);
            assertTrue(accepted.body().contains("messageStatus>OK<"), accepted.body());
            assertTrue(accepted.body().contains("version=\"1.2\""), "answered in 1.2: " + accepted.body());
            assertEquals(RequestState.WILL_SUPPLY, queries.details(id).state());
        }
    }

    @Test
    void aPartnerThatIsDownGetsEveryMessageInOrderWhenItIsBackAndEachOnce() throws Exception {
        int port = freePort();
        String isil = fixtures.newPartnerElsewhere(port, PartnerProfile.SchemaVersion.V2021);
        long id = requestTo(isil);
        outboxIs(id, List.of("request PENDING 1"));
        assertTrue(fixtures.strings("SELECT last_error FROM outbound_message WHERE request_id = " + id).get(0)
                .contains("cannot be reached"));
        borrowing.cancel(fixtures.borrowingOffice(id), id, null, "Found a copy elsewhere");
        Instant now = Instant.now();
        sender.deliverDue(now);
        assertEquals(List.of("request PENDING 1", "requestingAgencyMessage PENDING 0"), fixtures.outboxOf(id),
                "not due yet, and the cancel waits for the request");
        sender.deliverDue(now.plus(Duration.ofMinutes(1)));
        assertEquals(List.of("request PENDING 2", "requestingAgencyMessage PENDING 0"), fixtures.outboxOf(id));

        try (ScriptedPartner partner = new ScriptedPartner(port, body -> ok(body, false))) {
            sender.deliverDue(Instant.now().plus(Duration.ofMinutes(10)));
            eventually("both delivered", () -> fixtures.outboxOf(id).equals(
                    List.of("request DELIVERED 3", "requestingAgencyMessage DELIVERED 1")));
            List<ScriptedPartner.Received> got = partner.received();
            assertEquals(2, got.size(), "each message once: " + got);
            assertTrue(got.get(0).body().contains("request>") && got.get(1).body().contains("Cancel"),
                    "in order: " + got);
        }
    }

    @Test
    void aMessageThisServerWasSendingWhenItDiedGoesAtItsStartUpAndAnotherServersWaitsForItsLease() throws Exception {
        int port = freePort();
        String isil = fixtures.newPartnerElsewhere(port, PartnerProfile.SchemaVersion.V2021);
        long ours = requestTo(isil);
        long theirs = requestTo(isil);
        outboxIs(ours, List.of("request PENDING 1"));
        outboxIs(theirs, List.of("request PENDING 1"));
        assertEquals(List.of("0"), fixtures.strings("SELECT count(claimed_by)::text FROM outbound_message"
                + " WHERE request_id IN (" + ours + ", " + theirs + ")"), "a settled attempt holds no claim");
        // as a kill -9 leaves them: claimed, in the middle of an attempt begun before this server started
        String thisNode = System.getProperty("jboss.node.name");
        assertEquals(1, fixtures.nativeUpdate("UPDATE outbound_message SET claimed_by = '" + thisNode + "',"
                + " last_attempt_at = TIMESTAMPTZ '2000-01-01 00:00Z', next_attempt_at = now() + interval '11 minutes'"
                + " WHERE request_id = " + ours));
        assertEquals(1, fixtures.nativeUpdate("UPDATE outbound_message SET claimed_by = 'another-server',"
                + " last_attempt_at = TIMESTAMPTZ '2000-01-01 00:00Z', next_attempt_at = now() + interval '11 minutes'"
                + " WHERE request_id = " + theirs));

        try (ScriptedPartner partner = new ScriptedPartner(port, body -> ok(body, false))) {
            sender.deliverDue(Instant.now());
            assertEquals(List.of("request PENDING 1"), fixtures.outboxOf(ours), "held by the attempt's lease");
            assertEquals(1, sender.takeBackWhatACrashLeftClaimed(), "only this server's own");
            sender.deliverDue(Instant.now());
            eventually("ours delivered", () -> fixtures.outboxOf(ours).equals(List.of("request DELIVERED 2")));
            assertEquals(List.of("request PENDING 1"), fixtures.outboxOf(theirs), "another server's waits for its lease");
            sender.deliverDue(Instant.now().plus(Duration.ofMinutes(12)));
            eventually("theirs delivered after the lease", () -> fixtures.outboxOf(theirs)
                    .equals(List.of("request DELIVERED 2")));
            assertEquals(2, partner.received().size(), "each once: " + partner.received());
        }
    }

    @Test
    void anErrorConfirmationIsRecordedAndNotRetriedWhileA503IsRetried() throws Exception {
        try (ScriptedPartner partner = new ScriptedPartner(body -> new ScriptedPartner.Answer(503, "busy"))) {
            String isil = fixtures.newPartnerElsewhere(partner.port(), PartnerProfile.SchemaVersion.V2021);
            long id = requestTo(isil);
            outboxIs(id, List.of("request PENDING 1"));
            assertTrue(fixtures.strings("SELECT last_error FROM outbound_message WHERE request_id = " + id).get(0)
                    .contains("HTTP 503"));
            partner.answerWith(body -> confirm(body, false, new Iso18626Messages.MessageError(
                    org.openill.iso18626.v2021.TypeErrorType.UNRECOGNISED_DATA_VALUE, "No such item")));
            sender.deliverDue(Instant.now().plus(Duration.ofMinutes(1)));
            assertEquals(List.of("request REFUSED 2"), fixtures.outboxOf(id));
            assertTrue(fixtures.strings("SELECT last_error FROM outbound_message WHERE request_id = " + id).get(0)
                    .contains("No such item"));
            sender.deliverDue(Instant.now().plus(Duration.ofHours(2)));
            assertEquals(List.of("request REFUSED 2"), fixtures.outboxOf(id), "an ERROR is not sent again blindly");
            assertEquals(2, partner.received().size());
            assertTrue(failed.of(Fixtures.staffOf(fixtures.strings("SELECT l.agency_id_value FROM ill_request r "
                    + "JOIN library l ON l.id = r.borrower_id WHERE r.id = " + id).get(0)), fixtures.strings(
                    "SELECT l.agency_id_value FROM ill_request r JOIN library l ON l.id = r.borrower_id WHERE r.id = "
                            + id).get(0)).stream().anyMatch(m -> m.state().equals("REFUSED")));
        }
    }

    @Test
    void aMessageUndeliveredForTheWholeRetryTimeFailsAndStaffSendItAgain() throws Exception {
        int port = freePort();
        String isil = fixtures.newPartnerElsewhere(port, PartnerProfile.SchemaVersion.V2021);
        long id = requestTo(isil);
        outboxIs(id, List.of("request PENDING 1"));
        sender.deliverDue(Instant.now().plus(Duration.ofHours(23)));
        assertEquals(List.of("request PENDING 2"), fixtures.outboxOf(id), "still tried within 24 hours");
        sender.deliverDue(Instant.now().plus(Duration.ofHours(25)));
        assertEquals(List.of("request FAILED 3"), fixtures.outboxOf(id));
        String borrower = fixtures.strings("SELECT l.agency_id_value FROM ill_request r JOIN library l "
                + "ON l.id = r.borrower_id WHERE r.id = " + id).get(0);
        List<FailedMessages.Undelivered> undelivered = failed.of(Fixtures.staffOf(borrower), borrower);
        assertEquals(1, undelivered.size());
        assertTrue(undelivered.get(0).lastError().startsWith("Gave up after 3 attempts"), undelivered.toString());

        try (ScriptedPartner partner = new ScriptedPartner(port, body -> ok(body, false))) {
            failed.resend(Fixtures.staffOf(borrower), undelivered.get(0).id());
            eventually("sent again", () -> fixtures.outboxOf(id).equals(List.of("request DELIVERED 4")));
            assertEquals(1, partner.received().size());
        }
    }

    @Test
    void theAutoResponderAnswersNewRequestsByTheOneSupplyRule() throws Exception {
        try (ScriptedPartner partner = new ScriptedPartner(body -> ok(body, false))) {
            String requester = fixtures.newPartnerElsewhere(partner.port(), PartnerProfile.SchemaVersion.V2021);
            String lender = fixtures.newLibrary();
            fixtures.agreement(lending(lender).to(requester));
            partners.answerNewRequestsAutomatically(Fixtures.staffOf(lender), lender, true);
            String onShelf = isbnOf(fixtures.newBookHeldAt(lender + "/OPEN"));
            String inReferenceRoom = isbnOf(fixtures.newBookHeldAt(lender + "/REF"));

            assertEquals("ExpectToSupply", answerTo(partner, requester, lender, onShelf));
            assertEquals("Unfilled NonCirculating", answerTo(partner, requester, lender, inReferenceRoom));
            assertEquals("Unfilled NotHeld", answerTo(partner, requester, lender, "9780000000002"));
        }
    }

    private String isbnOf(List<String> book) {
        return fixtures.strings("SELECT isbn FROM bib_record WHERE id = " + book.get(0)).get(0);
    }

    /** The partner asks the lender for the ISBN; what the lender answered at once (status and reason). */
    private String answerTo(ScriptedPartner partner, String requester, String lender, String isbn) throws Exception {
        String requestId = "P-" + UUID.randomUUID();
        int before = partner.received().size();
        HttpResponse<String> confirmation = post(Iso18626Codec.toXml(Iso18626Messages.request(
                TransactionIds.of(AgencyId.isil(requester), AgencyId.isil(lender), requestId), Instant.now(),
                Service.of(TypeRequestType.NEW, TypeServiceType.LOAN), Item.titled("Asked", "Tester, Tina").isbn(isbn),
                List.of())), requester);
        assertTrue(confirmation.body().contains("messageStatus>OK<"), confirmation.body());
        eventually("the answer reaches the partner", () -> partner.received().size() == before + 1);
        String answer = partner.received().get(before).body();
        assertTrue(answer.contains(requestId), answer);
        Matcher status = Pattern.compile("<(\\w+:)?status>([^<]+)<").matcher(answer);
        assertTrue(status.find(), answer);
        Matcher reason = Pattern.compile("<(\\w+:)?reasonUnfilled[^>]*>([^<]+)<").matcher(answer);
        String state = fixtures.strings("SELECT state FROM supplier_request WHERE requesting_agency_request_id = '"
                + requestId + "'").get(0);
        assertEquals(status.group(2).equals("ExpectToSupply") ? SupplierState.EXPECT_TO_SUPPLY.name()
                : SupplierState.UNFILLED.name(), state);
        return status.group(2) + (reason.find() ? " " + reason.group(2) : "");
    }

    @Test
    void messagesForOneRequestArrivingAtOnceAreAppliedOneAfterTheOtherAndNoneIsLost() throws Exception {
        String requester = fixtures.newPartnerElsewhere(freePort(), PartnerProfile.SchemaVersion.V2021);
        String lender = fixtures.newLibrary();
        fixtures.agreement(lending(lender).to(requester));
        String requestId = "P-" + UUID.randomUUID();
        TransactionIds ids = TransactionIds.of(AgencyId.isil(requester), AgencyId.isil(lender), requestId);
        assertTrue(post(Iso18626Codec.toXml(Iso18626Messages.request(ids, Instant.now(),
                Service.of(TypeRequestType.NEW, TypeServiceType.LOAN), Item.titled("Busy", "Tester, Tina"),
                List.of())), requester).body().contains("messageStatus>OK<"));

        int messages = 12;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(messages);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < messages; i++) {
                String xml = Iso18626Codec.toXml(Iso18626Messages.requestingAgencyMessage(ids, Instant.now(),
                        org.openill.iso18626.v2021.TypeAction.NOTIFICATION, "note " + i));
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(xml, requester);
                }));
            }
            start.countDown();
            for (var answer : answers) {
                String body = answer.get(60, java.util.concurrent.TimeUnit.SECONDS).body();
                assertTrue(body.contains("messageStatus>OK<"), "each applied, none refused for a clash: " + body);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(String.valueOf(messages)), fixtures.strings("""
                SELECT count(*)::text FROM protocol_message m JOIN supplier_request s ON s.id = m.supplier_request_id
                WHERE s.requesting_agency_request_id = '%s' AND m.direction = 'IN'
                  AND m.kind = 'requestingAgencyMessage'""".formatted(requestId)), "every message applied");
    }

    @Test
    void aDeviationIsToleratedFromThePartnerDeclaredToShowItAndFromNoOneElse() throws Exception {
        String requester = fixtures.newPartnerElsewhere(freePort(), PartnerProfile.SchemaVersion.V2021);
        String lender = fixtures.newLibrary();
        String xml = Iso18626Codec.toXml(Iso18626Messages.request(
                TransactionIds.of(AgencyId.isil(requester), AgencyId.isil(lender), "P-" + UUID.randomUUID()),
                Instant.now(), Service.of(TypeRequestType.NEW, TypeServiceType.LOAN),
                Item.titled("Deviant", "Tester, Tina"), List.of()));
        Matcher end = Pattern.compile("</(\\w+:)?bibliographicInfo>").matcher(xml);
        assertTrue(end.find());
        String prefix = end.group(1) == null ? "" : end.group(1);
        String withShelfMark = xml.substring(0, end.start()) + "<" + prefix + "shelfMark>QA76</" + prefix
                + "shelfMark>" + xml.substring(end.start());

        HttpResponse<String> strict = post(withShelfMark, requester);
        assertTrue(strict.body().contains("UnrecognisedDataElement"), strict.body());
        assertTrue(strict.body().contains("shelfMark"), strict.body());

        partners.hostElsewhere(Fixtures.ADMIN, requester, "http://127.0.0.1:" + freePort() + "/iso18626",
                PartnerProfile.SchemaVersion.V2021, new PartnerDirectory.Credentials("acct-" + requester,
                        "secret-" + requester), new PartnerDirectory.Credentials("acct-" + requester,
                        "secret-" + requester), Set.of(PartnerProfile.Deviation.UNKNOWN_ELEMENTS_IGNORED));
        HttpResponse<String> tolerated = post(withShelfMark, requester);
        assertTrue(tolerated.body().contains("messageStatus>OK<"), tolerated.body());
    }

    @Test
    void aMessageFromNoPartnerIsRefusedAndKeptInTheUnattachedLog() throws Exception {
        String requestId = "NOBODY-" + UUID.randomUUID();
        HttpResponse<String> answer = post(Iso18626Codec.toXml(Iso18626Messages.request(
                TransactionIds.of(AgencyId.isil("ZZ-NOBODY"), AgencyId.isil("ZZ-NUL"), requestId), Instant.now(),
                Service.of(TypeRequestType.NEW, TypeServiceType.LOAN), Item.titled("Anything", "Anyone"), List.of())),
                "ZZ-NOBODY");
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("UnrecognisedDataValue"), answer.body());
        assertTrue(answer.body().contains("not a library of this network"), answer.body());
        assertEquals(List.of("IN", "OUT"), fixtures.strings("SELECT direction FROM protocol_message "
                + "WHERE request_id IS NULL AND supplier_request_id IS NULL AND requesting_agency_request_id = '" + requestId + "' ORDER BY id"));
        assertEquals(List.of("0"), fixtures.strings("SELECT count(*)::text FROM supplier_request "
                + "WHERE requesting_agency_request_id = '" + requestId + "'"));
    }

    @Test
    void theDemoPartnerElsewhereIsThereAsTheContractsSay() {
        assertEquals(List.of("false http://127.0.0.1:8099/iso18626 1.2 zz-ext zz-ext"), fixtures.strings("""
                SELECT l.hosted || ' ' || p.endpoint_url || ' ' || p.schema_version || ' ' || p.inbound_account_id
                       || ' ' || p.outbound_account_id
                FROM library l JOIN partner_profile p ON p.library_id = l.id WHERE l.agency_id_value = 'ZZ-EXT'"""));
        assertEquals(List.of("ZZ-EXT OPEN_SHELVES"), fixtures.strings("""
                SELECT DISTINCT l.agency_id_value || ' ' || c.type FROM bib_record r JOIN holding h ON h.record_id = r.id
                JOIN location c ON c.id = h.location_id JOIN branch b ON b.id = c.branch_id
                JOIN library l ON l.id = b.library_id WHERE r.isbn = '9780201896831'"""));
        assertEquals(List.of("ZZ-ECL", "ZZ-NUL", "ZZ-SCL"), fixtures.strings("""
                SELECT b.agency_id_value FROM partner_agreement a JOIN library l ON l.id = a.lender_id
                JOIN library b ON b.id = a.borrower_id
                WHERE l.agency_id_value = 'ZZ-EXT' AND a.status = 'ACTIVE' AND a.loans_allowed AND a.copies_allowed ORDER BY 1"""));
        List<String> secrets = fixtures.strings("SELECT inbound_code_hash || ' ' || outbound_code_encrypted "
                + "FROM partner_profile p JOIN library l ON l.id = p.library_id WHERE l.agency_id_value = 'ZZ-EXT'");
        assertFalse(secrets.get(0).contains("zz-ext-secret"), "the security codes are stored hashed or encrypted");
    }
}
