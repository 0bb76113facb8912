package org.openill.domain.request;

/**
 * A condition a lender sets on supplying (ISO 18626 LoanCondition). Some concern the reader, who must accept them
 * before the borrowing library says yes.
 */
public enum LoanCondition {
    LIBRARY_USE_ONLY("LibraryUseOnly", true),
    NO_REPRODUCTION("NoReproduction", true),
    SIGNATURE_REQUIRED("SignatureRequired", true),
    SPEC_COLL_SUPERV_REQ("SpecCollSupervReq", true),
    WATCH_LIB_USE_ONLY("WatchLibUseOnly", true),
    COST("Cost", false),
    OTHER("Other", false);

    private final String iso18626;
    private final boolean concernsReader;

    LoanCondition(String iso18626, boolean concernsReader) {
        this.iso18626 = iso18626;
        this.concernsReader = concernsReader;
    }

    public String iso18626() {
        return iso18626;
    }

    public boolean concernsReader() {
        return concernsReader;
    }
}
