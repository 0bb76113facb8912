package org.openill.it;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.application.BorrowingService;
import org.openill.application.RequestDetails;
import org.openill.application.RequestQueries;
import org.openill.domain.Actor;
import org.openill.domain.ConcurrentChangeException;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.reader.ReaderCategory;
import org.openill.domain.request.BibliographicDescription;
import org.openill.domain.request.RequestAction;
import org.openill.domain.request.RequestState;
import org.openill.domain.request.ServiceType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openill.it.Fixtures.readerOf;
import static org.openill.it.Fixtures.staffOf;

/** Two members of staff at once, and the audit trail nobody can rewrite. */
@ExtendWith(ArquillianExtension.class)
class AuditAndConcurrencyIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(AuditAndConcurrencyIT.class, Fixtures.class);
    }

    @EJB
    BorrowingService borrowing;

    @EJB
    RequestQueries queries;

    @EJB
    Fixtures fixtures;

    private long newRequest() {
        String card = fixtures.newReader("ZZ-ECL", ReaderCategory.FACULTY);
        return borrowing.apply(readerOf("ZZ-ECL", card), null,
                BibliographicDescription.titled("Concurrent Book").by("Tester, Tina").build(), ServiceType.LOAN);
    }

    @Test
    void staffWorkingFromAnOutdatedScreenGetAConflictNotALostUpdate() {
        long id = newRequest();
        long seen = queries.details(id).version();
        borrowing.validate(fixtures.borrowingOffice(id), id, seen);
        ConcurrentChangeException conflict = assertThrows(ConcurrentChangeException.class,
                () -> borrowing.cancel(fixtures.borrowingOffice(id), id, seen, "duplicate"));
        assertEquals("ILL request #" + id + " was changed by someone else since you opened it; reload it and try again",
                conflict.getMessage());
        assertEquals(RequestState.VALIDATED, queries.details(id).state());
    }

    @Test
    void twoStaffApprovingAtOnceOneWinsTheOtherGetsAClearConflict() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = newRequest();
            long seen = queries.details(id).version();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<CompletableFuture<Throwable>> attempts = new ArrayList<>();
                for (String name : List.of("first", "second")) {
                    Actor staff = Actor.staff("ZZ-ECL", name);
                    attempts.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                            borrowing.validate(staff, id, seen);
                            return null;
                        } catch (Throwable failure) {
                            return failure;
                        }
                    }, pool));
                }
                start.countDown();
                List<Throwable> outcomes = attempts.stream().map(CompletableFuture::join).toList();
                long wins = outcomes.stream().filter(outcome -> outcome == null).count();
                assertEquals(1, wins, "outcomes: " + outcomes);
                Throwable loser = outcomes.stream().filter(outcome -> outcome != null).findFirst().orElseThrow();
                assertTrue(loser instanceof ConcurrentChangeException, "the loser got " + loser);
                RequestDetails details = queries.details(id);
                assertEquals(RequestState.VALIDATED, details.state());
                assertEquals(1, details.audit().stream().filter(line -> line.action() == RequestAction.VALIDATE).count());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void everyStepIsInTheAuditTrailWithWhoWhenAndStates() {
        long id = newRequest();
        borrowing.validate(Actor.staff("ZZ-ECL", "alice"), id, null);
        borrowing.cancel(Actor.staff("ZZ-ECL", "bob"), id, null, "the reader found it elsewhere");
        List<RequestDetails.AuditLine> audit = queries.details(id).audit();
        assertEquals(3, audit.size());
        assertNull(audit.get(0).from());
        assertEquals(RequestState.NEW, audit.get(0).to());
        assertEquals("staff ZZ-ECL/alice", audit.get(1).actor());
        assertEquals("staff ZZ-ECL/bob", audit.get(2).actor());
        assertEquals(RequestState.NEW, audit.get(1).from());
        assertEquals(RequestState.VALIDATED, audit.get(1).to());
        assertEquals(RequestAction.CANCEL, audit.get(2).action());
        assertEquals("the reader found it elsewhere", audit.get(2).note());
        assertTrue(!audit.get(2).at().isBefore(audit.get(1).at()));
    }

    @Test
    void theAuditTrailCannotBeEditedOrDeleted() {
        long id = newRequest();
        for (String sql : List.of("UPDATE request_event SET actor = 'someone else' WHERE request_id = " + id,
                "DELETE FROM request_event WHERE request_id = " + id)) {
            EJBException refused = assertThrows(EJBException.class, () -> fixtures.nativeUpdate(sql));
            StringBuilder causes = new StringBuilder();
            for (Throwable t = refused; t != null; t = t.getCause()) {
                causes.append(t.getMessage());
            }
            assertTrue(causes.toString().contains("permission denied"), causes.toString());
        }
        assertEquals("reader ZZ-ECL/" + queries.details(id).readerCard(), queries.details(id).audit().get(0).actor());
    }

    @Test
    void finishedRequestRefusesAnyFurtherAction() {
        long id = newRequest();
        borrowing.cancel(fixtures.borrowingOffice(id), id, null, "not needed");
        IllRuleViolation refused = assertThrows(IllRuleViolation.class,
                () -> borrowing.validate(staffOf("ZZ-ECL"), id, null));
        assertEquals("Cannot validate (VALIDATE) when the request is CANCELLED", refused.getMessage());
    }
}
