package org.openill.it;

import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.application.FeeSettlement;
import org.openill.domain.IllRuleViolation;
import org.openill.domain.NotFoundException;
import org.openill.infrastructure.batch.BatchJobs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openill.it.Fixtures.lending;
import static org.openill.it.Fixtures.staffOf;

/**
 * The fee-settlement batch job nets the fees between two libraries lending to each other into one statement per
 * currency, checked against the fees ledger summed here independently; running it again settles nothing twice; the
 * statement is confirmed as paid by either library's staff, never by a third library's.
 */
@ExtendWith(ArquillianExtension.class)
class FeeSettlementIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(FeeSettlementIT.class, Fixtures.class, BatchRuns.class);
    }

    @EJB
    BatchJobs jobs;

    @EJB
    FeeSettlement settlement;

    @EJB
    Fixtures fixtures;

    @Test
    void feesBothWaysAreNettedIntoOneStatementWithTheFeesAsLinesAndSettledOnce() throws Exception {
        String a = fixtures.newLibrary();
        String b = fixtures.newLibrary();
        fixtures.agreement(lending(a).to(b).feePerLoan("2.50"));
        fixtures.agreement(lending(b).to(a).feePerLoan("4.00"));
        for (int i = 0; i < 3; i++) {
            fixtures.shippedLoan(a, b, "Settled Book");
        }
        fixtures.shippedLoan(b, a, "Settled Book");
        // the ledger, summed here: what each owes the other, and the fees between them
        BigDecimal owedToA = sum("creditor", a, "debtor", b);
        BigDecimal owedToB = sum("creditor", b, "debtor", a);
        assertEquals(new BigDecimal("7.50"), owedToA);
        assertEquals(new BigDecimal("4.00"), owedToB);
        List<String> fees = fixtures.strings("SELECT f.id FROM fee_charge f JOIN library c ON c.id = f.creditor_id"
                + " JOIN library d ON d.id = f.debtor_id WHERE c.agency_id_value IN ('" + a + "', '" + b + "')"
                + " AND d.agency_id_value IN ('" + a + "', '" + b + "') ORDER BY f.id");
        assertEquals(4, fees.size());

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(BatchStatus.COMPLETED, BatchRuns.ended(jobs.settleFees(today, today)).getBatchStatus());
        List<FeeSettlement.Statement> statements = settlement.statementsOf(a, 10);
        assertEquals(1, statements.size(), statements.toString());
        FeeSettlement.Statement statement = statements.get(0);
        assertEquals(a, statement.creditorIsil());
        assertEquals(b, statement.debtorIsil());
        assertEquals("EUR", statement.currency());
        assertEquals(0, owedToA.subtract(owedToB).compareTo(statement.amount()), statement.toString());
        assertEquals(0, owedToA.compareTo(statement.owedToCreditor()));
        assertEquals(0, owedToB.compareTo(statement.owedToDebtor()));
        assertEquals(4, statement.fees());
        assertEquals(fees, settlement.linesOf(b, statement.id()).stream().map(line -> String.valueOf(line.feeId()))
                .toList(), "every fee a line, seen by either library");

        assertEquals(BatchStatus.COMPLETED, BatchRuns.ended(jobs.settleFees(today, today)).getBatchStatus());
        assertEquals(1, settlement.statementsOf(a, 10).size(), "no fee is settled twice");

        String third = fixtures.newLibrary();
        assertThrows(NotFoundException.class, () -> settlement.linesOf(third, statement.id()));
        assertThrows(NotFoundException.class,
                () -> settlement.confirmSettled(staffOf(third), third, statement.id()));
        settlement.confirmSettled(staffOf(b), b, statement.id());
        assertNotNull(settlement.statementsOf(a, 10).get(0).settledAt());
        assertTrue(settlement.statementsOf(a, 10).get(0).settledBy().contains(b));
        assertThrows(IllRuleViolation.class, () -> settlement.confirmSettled(staffOf(a), a, statement.id()));
    }

    private BigDecimal sum(String role, String isil, String other, String otherIsil) {
        return new BigDecimal(fixtures.strings("SELECT COALESCE(SUM(f.amount), 0) FROM fee_charge f"
                + " JOIN library x ON x.id = f." + role + "_id JOIN library y ON y.id = f." + other + "_id"
                + " WHERE x.agency_id_value = '" + isil + "' AND y.agency_id_value = '" + otherIsil + "'").get(0));
    }


}
