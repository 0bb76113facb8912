package org.openill.domain.staff;

/** What a staff account may do in the back office. */
public enum StaffRole {
    /** Works the queues of their own library. */
    ILL_STAFF,
    /** Also manages their library's agreements, readers and catalogue. */
    ILL_ADMIN,
    /** Manages the network: its libraries and partner profiles; of no library, and acts on no request. */
    NETWORK_ADMIN
}
