package org.openill.application;

import org.openill.domain.lending.SupplierState;
import org.openill.domain.request.ServiceType;

import java.time.Instant;
import java.util.List;

/**
 * A request a partner library sent to this library, as its lending ILL office sees it on its own record of it: what
 * is asked, by whom, since when, and which of its own copies it may supply (never one in a reference room). The
 * request id is that of the lending record.
 */
public record IncomingRequest(long requestId, long version, String borrowerIsil, String borrowerName,
                              ServiceType serviceType, SupplierState state, String title, String authors, String isbn,
                              String issn, String partTitle, String pages, Instant receivedAt,
                              List<SuppliableCopy> suppliableCopies) {

    /** A copy the lender may send or copy from. */
    public record SuppliableCopy(long requestId, String barcode, String callNumber, String location, String status) {
    }
}
