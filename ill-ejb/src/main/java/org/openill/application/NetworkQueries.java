package org.openill.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** Read models about the network as a whole, for the home page and reports. */
@Stateless
public class NetworkQueries {

    @PersistenceContext(unitName = "ill")
    private EntityManager em;

    public NetworkOverview overview() {
        List<LibrarySummary> libraries = em.createQuery("""
                SELECT NEW org.openill.application.LibrarySummary(l.agencyId.type, l.agencyId.value, l.name, l.status,
                       COUNT(DISTINCT b.id), COUNT(DISTINCT c.id), COUNT(DISTINCT h.id))
                FROM Library l LEFT JOIN l.branches b LEFT JOIN b.locations c LEFT JOIN Holding h ON h.location = c
                GROUP BY l.id, l.agencyId.type, l.agencyId.value, l.name, l.status
                ORDER BY l.name""", LibrarySummary.class).getResultList();
        long records = em.createQuery("SELECT COUNT(r) FROM BibliographicRecord r", Long.class).getSingleResult();
        long holdings = em.createQuery("SELECT COUNT(h) FROM Holding h", Long.class).getSingleResult();
        return new NetworkOverview(libraries, records, holdings);
    }

    /** The libraries hosted here, whose readers sign in to this portal, by name. */
    public List<LibraryChoice> librariesHostedHere() {
        return em.createQuery("""
                SELECT NEW org.openill.application.LibraryChoice(l.agencyId.value, l.name)
                FROM Library l WHERE l.hosted = true ORDER BY l.name""", LibraryChoice.class).getResultList();
    }
}
