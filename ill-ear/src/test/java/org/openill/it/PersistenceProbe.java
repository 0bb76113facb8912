package org.openill.it;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openill.domain.library.AgencyId;
import org.openill.domain.library.Library;

import java.time.ZoneId;
import java.util.List;

/** A test-only EJB, deployed beside the in-container tests, that looks into the persistence unit directly. */
@Stateless
public class PersistenceProbe {

    @PersistenceContext(unitName = "ill")
    EntityManager em;

    public String entityManagerImplementation() {
        return em.getDelegate().getClass().getName();
    }

    public long count(String jpql) {
        return em.createQuery(jpql, Long.class).getSingleResult();
    }

    public <T> List<T> list(String jpql, Class<T> type) {
        return em.createQuery(jpql, type).getResultList();
    }

    public List<?> nativeList(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    public int nativeUpdate(String sql) {
        return em.createNativeQuery(sql).executeUpdate();
    }

    /** The entity classes of the persistence unit. */
    public List<Class<?>> entityClasses() {
        return em.getMetamodel().getEntities().stream().<Class<?>>map(entity -> entity.getJavaType()).toList();
    }

    /** Stores a library and reads it back from the database, bypassing EclipseLink's caches. */
    public String storeAndReload(String isil, String name) {
        Library library = new Library(AgencyId.isil(isil), name, ZoneId.of("Europe/Vienna"));
        em.persist(library);
        em.flush();
        em.clear();
        return (String) em.createNativeQuery("SELECT name FROM library WHERE agency_id_value = ?1")
                .setParameter(1, isil).getSingleResult();
    }
}
