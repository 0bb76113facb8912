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

    /** The conditions named in a text of ISO 18626 names separated by commas (unknown names left out). */
    public static java.util.Set<LoanCondition> parse(String names) {
        java.util.EnumSet<LoanCondition> set = java.util.EnumSet.noneOf(LoanCondition.class);
        if (names != null) {
            for (String name : names.split(",")) {
                LoanCondition condition = ofIso18626(name.strip());
                if (condition != null) {
                    set.add(condition);
                }
            }
        }
        return set;
    }

    /** The condition of an ISO 18626 LoanCondition value, or null when it is none of them. */
    public static LoanCondition ofIso18626(String value) {
        for (LoanCondition condition : values()) {
            if (condition.iso18626.equals(value)) {
                return condition;
            }
        }
        return null;
    }
}
