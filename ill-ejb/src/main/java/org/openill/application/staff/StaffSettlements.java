package org.openill.application.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.openill.application.FeeSettlement;

import java.util.List;

/** The library's settlement statements: read by its staff, confirmed as paid by its administrators. */
@Stateless
@RolesAllowed("ILL_STAFF")
public class StaffSettlements {

    @EJB
    private StaffCaller caller;

    @EJB
    private FeeSettlement settlement;

    public List<FeeSettlement.Statement> statements() {
        return settlement.statementsOf(caller.ownLibrary().agencyId().value(), 100);
    }

    public List<FeeSettlement.Line> lines(long settlementId) {
        return settlement.linesOf(caller.ownLibrary().agencyId().value(), settlementId);
    }

    @RolesAllowed("ILL_ADMIN")
    public void confirmSettled(long settlementId) {
        settlement.confirmSettled(caller.account().actor(), caller.ownLibrary().agencyId().value(), settlementId);
    }
}
