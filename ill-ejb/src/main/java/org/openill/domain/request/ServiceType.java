package org.openill.domain.request;

/** What the reader asks for: a loan of the item (returnable) or a copy of part of it (kept by the reader). */
public enum ServiceType {
    LOAN("Loan"),
    COPY("Copy");

    private final String iso18626;

    ServiceType(String iso18626) {
        this.iso18626 = iso18626;
    }

    /** The ServiceType value of ISO 18626. */
    public String iso18626() {
        return iso18626;
    }
}
