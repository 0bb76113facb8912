package org.openill.domain.library;

/** Whether a library takes part in the network now. A suspended library neither lends nor borrows. */
public enum LibraryStatus {
    ACTIVE,
    SUSPENDED
}
