package org.openill.application;

import org.openill.domain.catalogue.CirculationStatus;
import org.openill.domain.catalogue.RecordFormat;
import org.openill.domain.library.LocationType;

import java.util.List;

/** A record found in the union catalogue, with every library's holdings and whether each can go out on ILL. */
public record CatalogueHit(long recordId, String title, String originalTitle, String authors, String isbn, String issn,
                           Integer year, String language, RecordFormat format, List<HoldingLine> holdings) {

    /** Where the library's own readers can borrow a copy now (none: empty). */
    public java.util.Optional<HoldingLine> borrowableAt(String libraryIsil) {
        return holdings.stream().filter(line -> line.libraryIsil().equals(libraryIsil)
                && org.openill.domain.catalogue.Holding.borrowableAtHome(line.status(), line.type())).findFirst();
    }

    /** One copy: where it is and whether interlibrary loan may supply it (never from a reference room). */
    public record HoldingLine(long recordId, String libraryIsil, String libraryName, String location, LocationType type,
                              String callNumber, CirculationStatus status, boolean lendableThroughIll) {
    }
}
