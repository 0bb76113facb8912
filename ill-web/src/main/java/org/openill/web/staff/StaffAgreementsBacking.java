package org.openill.web.staff;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.AgreementService;
import org.openill.application.AgreementSummary;
import org.openill.application.staff.StaffNetwork;
import org.openill.domain.IllException;
import org.openill.web.common.Texts;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The library's partner agreements: listed with their main terms; one chosen shows all its terms (editable by the
 * library's administrator), its status steps (activate, suspend, renew) and every version; a new one is drafted with
 * a partner of the directory.
 */
@Named
@ViewScoped
public class StaffAgreementsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffNetwork network;

    private List<AgreementSummary> agreements;
    private AgreementSummary chosen;
    private TermsForm terms;
    private List<AgreementService.Version> history;
    private LocalDate renewUntil;

    private String partner;
    private boolean weLend = true;
    private boolean reciprocal = true;
    private LocalDate validFrom = LocalDate.now();
    private TermsForm newTerms = new TermsForm();

    public List<AgreementSummary> getAgreements() {
        if (agreements == null) {
            agreements = network.agreements();
        }
        return agreements;
    }

    public void choose(long id) {
        chosen = getAgreements().stream().filter(a -> a.id() == id).findFirst().orElse(null);
        if (chosen != null) {
            terms = TermsForm.of(network.terms(id));
            history = network.history(id);
            renewUntil = chosen.validUntil() == null ? null : chosen.validUntil().plusYears(1);
        }
    }

    public void saveTerms() {
        act("agreements.done.terms", () -> network.changeTerms(chosen.id(), chosen.version(), terms.terms()));
    }

    public void activate() {
        act("agreements.done.activated", () -> network.activate(chosen.id(), chosen.version()));
    }

    public void suspend() {
        act("agreements.done.suspended", () -> network.suspend(chosen.id(), chosen.version()));
    }

    public void renew() {
        act("agreements.done.renewed", () -> network.renew(chosen.id(), chosen.version(), renewUntil));
    }

    public void draft() {
        try {
            long id = network.draft(partner, weLend, reciprocal, validFrom, newTerms.terms());
            Texts.message(null, FacesMessage.SEVERITY_INFO, "agreements.done.drafted", String.valueOf(id));
            agreements = null;
            newTerms = new TermsForm();
            partner = null;
            choose(id);
        } catch (IllException refused) {
            Texts.refused(null, refused);
        }
    }

    private void act(String doneKey, Runnable step) {
        if (chosen == null) {
            return;
        }
        long id = chosen.id();
        try {
            step.run();
        } catch (IllException refused) {
            Texts.refused(null, refused);
            return;
        }
        Texts.message(null, FacesMessage.SEVERITY_INFO, doneKey, String.valueOf(id));
        agreements = null;
        choose(id);
    }

    public AgreementSummary getChosen() {
        return chosen;
    }

    public TermsForm getTerms() {
        return terms;
    }

    public List<AgreementService.Version> getHistory() {
        return history;
    }

    public LocalDate getRenewUntil() {
        return renewUntil;
    }

    public void setRenewUntil(LocalDate renewUntil) {
        this.renewUntil = renewUntil;
    }

    public String getPartner() {
        return partner;
    }

    public void setPartner(String partner) {
        this.partner = partner;
    }

    public boolean isWeLend() {
        return weLend;
    }

    public void setWeLend(boolean weLend) {
        this.weLend = weLend;
    }

    public boolean isReciprocal() {
        return reciprocal;
    }

    public void setReciprocal(boolean reciprocal) {
        this.reciprocal = reciprocal;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public TermsForm getNewTerms() {
        return newTerms;
    }
}
