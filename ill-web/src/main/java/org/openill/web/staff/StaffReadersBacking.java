package org.openill.web.staff;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.staff.StaffDesk;
import org.openill.web.common.Texts;

import java.io.Serializable;
import java.util.List;

/** The library's readers: find one by card or name; block with a reason, unblock, give a new PIN. */
@Named
@ViewScoped
public class StaffReadersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffDesk desk;

    private String words;
    private List<StaffDesk.ReaderLine> found = List.of();
    private String card;
    private String reason;
    private String pin;

    public void find() {
        found = desk.findReaders(words);
    }

    public void choose(String cardNumber) {
        card = cardNumber;
        reason = null;
        pin = null;
    }

    public void block() {
        desk.blockReader(card, reason);
        done("staff.readers.blocked");
    }

    public void unblock() {
        desk.unblockReader(card);
        done("staff.readers.unblocked");
    }

    public void resetPin() {
        desk.resetPin(card, pin);
        pin = null;
        done("staff.readers.pinSet");
    }

    private void done(String key) {
        Texts.message(null, FacesMessage.SEVERITY_INFO, key, card);
        if (words != null && !words.isBlank()) {
            found = desk.findReaders(words);
        }
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }

    public List<StaffDesk.ReaderLine> getFound() {
        return found;
    }

    public String getCard() {
        return card;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getPin() {
        return pin;
    }

    public void setPin(String pin) {
        this.pin = pin;
    }
}
