package org.openill.it;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.infrastructure.demo.DemoActivity;
import org.openill.infrastructure.iso18626.Iso18626Codec;
import org.openill.infrastructure.iso18626.ReadResult;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo data is a living network: requests between the demo libraries in the states of both records, made through
 * the services and the ISO 18626 messages. The test server loads the network at its first deployment but plays no
 * activity in the background (ill.demo-activity=false, so that it cannot race other tests); this plays two rounds of
 * every goal, as start-up does ten.
 */
@ExtendWith(ArquillianExtension.class)
class DemoActivityIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(DemoActivityIT.class, Fixtures.class);
    }

    @EJB
    Fixtures fixtures;

    @EJB
    DemoActivity activity;

    private static DemoActivity.Played played;

    private void playedOnce() {
        if (played == null) {
            played = activity.play(2 * DemoActivity.Goal.values().length, activity.demoRequests());
        }
    }

    private static final String DEMO = "('ZZ-NUL', 'ZZ-SCL', 'ZZ-ECL')";

    @Test
    void theDemoLibrariesHaveRequestsInEveryStateThatLasts() {
        playedOnce();
        Set<String> borrowing = new TreeSet<>(fixtures.strings("""
                SELECT DISTINCT r.state FROM ill_request r JOIN library l ON l.id = r.borrower_id
                WHERE l.agency_id_value IN""" + DEMO));
        for (String state : List.of("NEW", "VALIDATED", "REQUEST_RECEIVED", "EXPECT_TO_SUPPLY", "WILL_SUPPLY",
                "RETRY_POSSIBLE", "CONDITIONS_PROPOSED", "AWAITING_READER_CONSENT", "LOANED", "RECALLED",
                "RETURN_HELD", "SHIPPED_BACK", "SHIPPED_FORWARD", "LOAN_COMPLETED", "COPY_COMPLETED",
                "COMPLETED_WITHOUT_RETURN", "UNFILLED", "CANCELLED")) {
            assertTrue(borrowing.contains(state), "a demo request " + state + " among " + borrowing + "; stopped early: "
                    + played.stops());
        }
        Set<String> lending = new TreeSet<>(fixtures.strings("""
                SELECT DISTINCT s.state FROM supplier_request s JOIN library l ON l.id = s.lender_id
                WHERE l.agency_id_value IN""" + DEMO));
        for (String state : List.of("NEW", "EXPECT_TO_SUPPLY", "WILL_SUPPLY", "RETRY_POSSIBLE", "LOANED",
                "RECALLED", "HOLD_RETURN", "RETURN_SHIPPED", "SHIPPED_FORWARD", "LOAN_COMPLETED", "COPY_COMPLETED",
                "COMPLETED_WITHOUT_RETURN", "UNFILLED", "CANCELLED")) {
            assertTrue(lending.contains(state), "a demo lending record " + state + " among " + lending);
        }
        long requests = Long.parseLong(fixtures.strings("""
                SELECT count(*)::text FROM ill_request r JOIN library l ON l.id = r.borrower_id
                WHERE l.agency_id_value IN""" + DEMO).get(0));
        assertTrue(requests >= 2 * DemoActivity.Goal.values().length, requests + " demo requests");
    }

    @Test
    void theDemoRequestsWentThroughIso18626Messages() {
        playedOnce();
        List<String> xml = fixtures.strings("""
                SELECT m.xml FROM protocol_message m JOIN library l ON l.id = m.library_id
                WHERE l.agency_id_value IN""" + DEMO + " ORDER BY m.id LIMIT 300");
        assertTrue(xml.size() >= 300, xml.size() + " messages");
        for (String message : xml) {
            assertInstanceOf(ReadResult.Accepted.class, Iso18626Codec.read(message), message);
        }
    }
}
