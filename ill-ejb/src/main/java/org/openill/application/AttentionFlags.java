package org.openill.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.Text;
import org.openill.domain.request.IllRequest;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Flags on records for the staff who must act (table attention_flag): raised by the nightly reconciliation for
 * records stuck past their agreement's response time, and here for a borrowing request whose lender reports a status
 * that could not be reconciled with ours. A flag is open until the record moves on; one open flag of a kind per record.
 */
@Stateless
public class AttentionFlags {

    /** The longest reason a flag keeps. */
    static final int REASON_LENGTH = 1000;

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    /** Flags the borrowing request for its library's staff: its lender disagrees, and we could not follow it. */
    public void partnerDisagrees(IllRequest request, String reason, Instant when) {
        em.createNativeQuery("""
                        INSERT INTO attention_flag (id, library_id, request_id, kind, reason, raised_at)
                        VALUES (nextval('attention_flag_seq'), ?1, ?2, 'PARTNER_DISAGREES', ?3, ?4)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, request.borrower().id()).setParameter(2, request.id())
                .setParameter(3, Text.cut(reason, REASON_LENGTH)).setParameter(4, Timestamp.from(when))
                .executeUpdate();
    }
}
