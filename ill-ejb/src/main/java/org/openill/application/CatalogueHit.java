package org.openill.application;

import org.openill.domain.catalogue.CirculationStatus;
import org.openill.domain.catalogue.RecordFormat;
import org.openill.domain.library.LocationType;

import java.util.List;

/** A record found in the union catalogue, with every library's holdings and whether each can go out on ILL. */
public record CatalogueHit(long recordId, String title, String authors, String isbn, String issn, Integer year,
                           RecordFormat format, List<HoldingLine> holdings) {

    /** One copy: where it is and whether interlibrary loan may supply it (never from a reference room). */
    public record HoldingLine(long recordId, String libraryIsil, String libraryName, String location, LocationType type,
                              String callNumber, CirculationStatus status, boolean lendableThroughIll) {
    }
}
