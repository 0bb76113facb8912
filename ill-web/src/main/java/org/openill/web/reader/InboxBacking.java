package org.openill.web.reader;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.reader.ReaderPortal;

import java.util.List;

/** The signed-in reader's messages about their requests, the latest first. */
@Named
@RequestScoped
public class InboxBacking {

    @Inject
    ReaderPortal portal;

    private List<ReaderPortal.InboxMessage> messages;

    public List<ReaderPortal.InboxMessage> getMessages() {
        if (messages == null) {
            messages = portal.inbox();
        }
        return messages;
    }
}
