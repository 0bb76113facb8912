package org.openill.application.staff;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.NotFoundException;
import org.openill.domain.lending.SupplierRequest;
import org.openill.domain.request.IllRequest;
import org.openill.domain.staff.StaffAccount;

/**
 * Who the signed-in staff member is, and the one check that a record is their library's: a request, lending record or
 * message of another library is "not found", whatever id a page or URL names. Every back-office service asks here.
 */
@Stateless
@RolesAllowed({"ILL_STAFF", "NETWORK_ADMIN"})
public class StaffCaller {

    @Resource
    private SessionContext session;

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    /** The signed-in staff member's account, with their library (none for a network administrator). */
    public StaffAccount account() {
        String name = session.getCallerPrincipal().getName();
        return em.createQuery("SELECT a FROM StaffAccount a LEFT JOIN FETCH a.library WHERE a.username = :name AND a.active = true",
                        StaffAccount.class).setParameter("name", name).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("No staff account " + name + " of a library"));
    }

    /**
     * The staff member's library.
     *
     * @throws NotFoundException for a network administrator, who belongs to no library
     */
    public org.openill.domain.library.Library ownLibrary() {
        StaffAccount account = account();
        if (account.library() == null) {
            throw new NotFoundException(account.username() + " belongs to no library");
        }
        return account.library();
    }

    /** True when the caller administers the whole network (and so belongs to no library). */
    public boolean isNetworkAdmin() {
        return session.isCallerInRole("NETWORK_ADMIN");
    }

    /**
     * The library's borrowing request.
     *
     * @throws NotFoundException when the library has no such request (another library's included)
     */
    public IllRequest ownRequest(long requestId) {
        IllRequest request = em.find(IllRequest.class, requestId);
        if (request == null || !request.borrower().equals(ownLibrary())) {
            throw new NotFoundException("Your library has no borrowing request " + requestId);
        }
        return request;
    }

    /**
     * The library's lending record.
     *
     * @throws NotFoundException when the library has no such lending record (another library's included)
     */
    public SupplierRequest ownLendingRecord(long recordId) {
        SupplierRequest record = em.find(SupplierRequest.class, recordId);
        if (record == null || !record.lender().equals(ownLibrary())) {
            throw new NotFoundException("Your library has no lending request " + recordId);
        }
        return record;
    }
}
