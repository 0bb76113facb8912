package org.openill.domain.reader;

import org.openill.domain.request.ServiceType;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kind of reader. It sets how many ILL requests the reader may have open at once, which services they may ask
 * for, and whether their library passes ILL fees on to them.
 */
public enum ReaderCategory {
    UNDERGRADUATE(5, EnumSet.of(ServiceType.LOAN, ServiceType.COPY), false),
    POSTGRADUATE(10, EnumSet.of(ServiceType.LOAN, ServiceType.COPY), false),
    FACULTY(20, EnumSet.of(ServiceType.LOAN, ServiceType.COPY), false),
    STAFF(10, EnumSet.of(ServiceType.LOAN, ServiceType.COPY), false),
    EXTERNAL(2, EnumSet.of(ServiceType.COPY), true);

    private final int maxOpenRequests;
    private final Set<ServiceType> services;
    private final boolean paysFees;

    ReaderCategory(int maxOpenRequests, Set<ServiceType> services, boolean paysFees) {
        this.maxOpenRequests = maxOpenRequests;
        this.services = services;
        this.paysFees = paysFees;
    }

    public int maxOpenRequests() {
        return maxOpenRequests;
    }

    public boolean mayRequest(ServiceType service) {
        return service == ServiceType.COPY_OR_LOAN
                ? services.contains(ServiceType.LOAN) && services.contains(ServiceType.COPY)
                : services.contains(service);
    }

    public boolean paysFees() {
        return paysFees;
    }
}
