package org.openill.domain.request;

/** How one lender of the rota dealt with the request. */
public enum RotaEntryStatus {
    WAITING,
    ASKED,
    SUPPLYING,
    UNFILLED,
    NO_ANSWER,
    CONDITIONS_DECLINED,
    SKIPPED
}
