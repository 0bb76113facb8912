package org.openill.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.Actor;
import org.openill.domain.Text;
import org.openill.domain.audit.AuditEntry;

import java.time.Instant;
import java.util.List;

/** Writes and reads the audit trail of staff actions outside requests. */
@Stateless
public class AuditLog {

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    public void record(Actor actor, String subjectType, Object subjectId, String action, Object fromState,
                       Object toState, String message) {
        em.persist(new AuditEntry(Instant.now(), actor.text(), subjectType, String.valueOf(subjectId), action,
                fromState == null ? null : fromState.toString(), toState == null ? null : toState.toString(), message));
    }

    /** The trail of one thing, oldest first. */
    public List<AuditEntry> trailOf(String subjectType, Object subjectId) {
        return em.createQuery("""
                        SELECT a FROM AuditEntry a WHERE a.subjectType = :type AND a.subjectId = :id
                        ORDER BY a.occurredAt, a.id""", AuditEntry.class)
                .setParameter("type", subjectType)
                .setParameter("id", Text.optional("subject id", String.valueOf(subjectId), AuditEntry.SUBJECT_ID_LENGTH))
                .getResultList();
    }
}
