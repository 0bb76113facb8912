package org.openill.application.staff;

import org.openill.domain.Text;

/**
 * What staff narrow a queue to: a request number, words of the title, a reader (card number on the borrowing side,
 * the patron's name on the lending side) and a partner library (agency id). Blank means any.
 */
public record QueueFilter(Long number, String title, String reader, String partner) {

    public static final QueueFilter NONE = new QueueFilter(null, null, null, null);

    public QueueFilter {
        title = Text.optional("title", title, 200);
        reader = Text.optional("reader", reader, 200);
        partner = Text.optional("partner", partner, 50);
    }

    public boolean isEmpty() {
        return number == null && title == null && reader == null && partner == null;
    }
}
