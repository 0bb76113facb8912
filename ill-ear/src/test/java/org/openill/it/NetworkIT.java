package org.openill.it;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openill.application.LibrarySummary;
import org.openill.application.NetworkOverview;
import org.openill.application.NetworkQueries;
import org.openill.infrastructure.demo.DemoData;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EJB services, EclipseLink and PostgreSQL together, inside WildFly. */
@ExtendWith(ArquillianExtension.class)
class NetworkIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.builtEarWith(NetworkIT.class, PersistenceProbe.class);
    }

    @Inject
    NetworkQueries networkQueries;

    @EJB
    DemoData demoData;

    @EJB
    PersistenceProbe probe;

    @Test
    void persistenceProviderIsEclipseLink() {
        assertTrue(probe.entityManagerImplementation().startsWith("org.eclipse.persistence."),
                "JPA provider: " + probe.entityManagerImplementation());
    }

    @Test
    void libraryIsStoredInPostgresqlAndReadBack() {
        String isil = "ZZ-T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        assertEquals("Round Trip Library", probe.storeAndReload(isil, "Round Trip Library"));
        List<String> ids = networkQueries.overview().libraries().stream().map(LibrarySummary::agencyIdValue).toList();
        assertTrue(ids.contains(isil), "overview lists " + ids);
    }

    @Test
    void overviewShowsTheDemoNetworkAndTheCatalogueSize() {
        NetworkOverview overview = networkQueries.overview();
        List<String> ids = overview.libraries().stream().map(LibrarySummary::agencyId).toList();
        assertTrue(ids.containsAll(List.of("ISIL:ZZ-NUL", "ISIL:ZZ-SCL", "ISIL:ZZ-ECL")), "libraries: " + ids);
        assertTrue(overview.records() >= 5_004, "records: " + overview.records());
        assertEquals(probe.count("SELECT COUNT(h) FROM Holding h"), overview.holdings());
        LibrarySummary south = overview.libraries().stream()
                .filter(library -> library.agencyIdValue().equals("ZZ-SCL")).findFirst().orElseThrow();
        assertEquals("South College Library", south.name());
        assertTrue(south.branches() >= 2 && south.holdings() > 1000, "South College Library: " + south);
    }

    @Test
    void demoDataIsNotLoadedTwice() {
        long records = probe.count("SELECT COUNT(r) FROM BibliographicRecord r");
        long readers = probe.count("SELECT COUNT(r) FROM Reader r");
        assertFalse(demoData.loadIfAbsent(), "the demo network was loaded again");
        assertEquals(records, probe.count("SELECT COUNT(r) FROM BibliographicRecord r"));
        assertEquals(readers, probe.count("SELECT COUNT(r) FROM Reader r"));
        assertEquals(1, probe.count("SELECT COUNT(r) FROM BibliographicRecord r WHERE r.isbn = '9780262033848'"));
    }

    @Test
    void fixedDemoRecordsAreHeldWhereTheContractsSay() {
        assertEquals(List.of("ZZ-NUL OPEN_SHELVES true", "ZZ-SCL DEPARTMENT_REFERENCE_ROOM false"),
                holdingsOf("isbn = '9780262033848'"));
        assertEquals(List.of("ZZ-SCL DEPARTMENT_REFERENCE_ROOM false"), holdingsOf("isbn = '9780553380163'"));
        assertEquals(List.of("ZZ-ECL OPEN_SHELVES true", "ZZ-NUL OPEN_SHELVES true"), holdingsOf("isbn = '9787020002207'"));
        assertEquals(List.of("ZZ-NUL CLOSED_STACKS true"), holdingsOf("issn = '0028-0836'"));
    }

    @Test
    void schemaIsOwnedByFlywayMigrations() {
        List<?> versions = probe.nativeList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank");
        assertTrue(versions.contains("1"), "applied migrations: " + versions);
    }

    @Test
    void databaseRefusesALendableReferenceRoom() {
        EJBException refused = assertThrows(EJBException.class, () -> probe.nativeUpdate(
                "UPDATE location SET ill_lendable = true WHERE type = 'DEPARTMENT_REFERENCE_ROOM'"));
        assertTrue(stackText(refused).contains("location_reference_room_not_lendable"), stackText(refused));
    }

    private List<String> holdingsOf(String condition) {
        return probe.nativeList("""
                SELECT l.agency_id_value || ' ' || c.type || ' ' || c.ill_lendable
                FROM holding h JOIN bib_record r ON r.id = h.record_id JOIN location c ON c.id = h.location_id
                JOIN branch b ON b.id = c.branch_id JOIN library l ON l.id = b.library_id
                WHERE r.""" + condition + " ORDER BY 1").stream().map(String::valueOf).toList();
    }

    private static String stackText(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
