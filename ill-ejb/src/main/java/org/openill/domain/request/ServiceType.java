package org.openill.domain.request;

import java.util.List;

/**
 * What the reader asks for: a loan of the item (returnable), a copy of part of it (kept by the reader), or either,
 * as the lender prefers (ISO 18626 CopyOrLoan).
 */
public enum ServiceType {
    LOAN("Loan"),
    COPY("Copy"),
    COPY_OR_LOAN("CopyOrLoan");

    private final String iso18626;

    ServiceType(String iso18626) {
        this.iso18626 = iso18626;
    }

    /** The ServiceType value of ISO 18626. */
    public String iso18626() {
        return iso18626;
    }

    /** True when supplying the concrete service (a loan, a copy) answers a request for this one. */
    public boolean includes(ServiceType supplied) {
        return this == supplied || this == COPY_OR_LOAN;
    }

    /** The concrete services that answer a request for this one. */
    public List<ServiceType> concrete() {
        return this == COPY_OR_LOAN ? List.of(LOAN, COPY) : List.of(this);
    }

    /** The service of an ISO 18626 ServiceType value, or null when it is none of them. */
    public static ServiceType ofIso18626(String value) {
        for (ServiceType type : values()) {
            if (type.iso18626.equals(value)) {
                return type;
            }
        }
        return null;
    }
}
