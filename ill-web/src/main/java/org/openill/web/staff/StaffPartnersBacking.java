package org.openill.web.staff;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.staff.StaffNetwork;
import org.openill.domain.IllException;
import org.openill.web.common.Texts;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The partner directory: every library of the network and how to reach it; the libraries the staff member
 * administers also take closures (days they receive no request) and their ILL office's details.
 */
@Named
@ViewScoped
public class StaffPartnersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffNetwork network;

    private List<StaffNetwork.DirectoryEntry> directory;
    private String library;
    private LocalDate firstDay;
    private LocalDate lastDay;
    private String reason;
    private String address;
    private String email;
    private String phone;

    public List<StaffNetwork.DirectoryEntry> getDirectory() {
        if (directory == null) {
            directory = network.directory();
        }
        return directory;
    }

    /** The libraries the staff member may administer here. */
    public List<StaffNetwork.DirectoryEntry> getAdministered() {
        return getDirectory().stream().filter(entry -> network.mayAdminister(entry.isil())).toList();
    }

    /** Chooses the library to administer, its office details filled in. */
    public void edit(String isil) {
        library = isil;
        getDirectory().stream().filter(entry -> entry.isil().equals(isil)).findFirst().ifPresent(entry -> {
            address = entry.address();
            email = entry.email();
            phone = entry.phone();
        });
    }

    public StaffNetwork.DirectoryEntry getEdited() {
        return library == null ? null : getDirectory().stream().filter(entry -> entry.isil().equals(library))
                .findFirst().orElse(null);
    }

    public void close() {
        act("partners.done.closed", () -> network.closeLibrary(library, firstDay, lastDay, reason));
        firstDay = lastDay = null;
        reason = null;
    }

    public void reopen(long closureId) {
        act("partners.done.reopened", () -> network.reopenLibrary(library, closureId));
    }

    public void saveOffice() {
        act("partners.done.office", () -> network.describeOffice(library, address, email, phone));
    }

    private void act(String doneKey, Runnable step) {
        try {
            step.run();
            Texts.message(null, FacesMessage.SEVERITY_INFO, doneKey, library);
            directory = null;
        } catch (IllException refused) {
            Texts.refused(null, refused);
        }
    }

    public String getLibrary() {
        return library;
    }

    public LocalDate getFirstDay() {
        return firstDay;
    }

    public void setFirstDay(LocalDate firstDay) {
        this.firstDay = firstDay;
    }

    public LocalDate getLastDay() {
        return lastDay;
    }

    public void setLastDay(LocalDate lastDay) {
        this.lastDay = lastDay;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }
}
