package org.openill.domain.agreement;

/** The life of a partner agreement: drafted, in force, paused, or past its end. */
public enum AgreementStatus {
    DRAFT,
    ACTIVE,
    SUSPENDED,
    EXPIRED
}
