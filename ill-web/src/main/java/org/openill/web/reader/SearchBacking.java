package org.openill.web.reader;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.CatalogueHit;
import org.openill.application.CatalogueSearch;
import org.openill.application.CatalogueSearch.Facets;
import org.openill.application.CatalogueSearch.Filters;
import org.openill.domain.IllException;
import org.openill.domain.catalogue.RecordFormat;
import org.openill.web.security.AccountBacking;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The catalogue search page: the words and the filters come in the address (a search can be bookmarked and shared),
 * the matches are paged by the server (a lazy table asks for one page at a time), and the facets say how the matches
 * spread over holding libraries, languages, formats and decades. Each match says where it can be borrowed through
 * interlibrary loan, and whether the reader's own library has it on its shelves.
 */
@Named
@ViewScoped
public class SearchBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CatalogueSearch catalogue;

    @Inject
    AccountBacking account;

    private String q;
    private String library;
    private String language;
    private String format;
    private Integer from;
    private Integer to;
    private Facets facets;
    private String ownLibrary;
    private final Matches matches = new Matches();

    /** Reads the search from the address and counts its facets. */
    public void load() {
        if (q == null || q.isBlank()) {
            return;
        }
        ownLibrary = account.isReader() ? account.getProfile().libraryIsil() : null;
        try {
            facets = catalogue.facets(q, filters());
        } catch (IllException refused) {
            facets = null;
            q = null;
            throw refused;
        }
    }

    Filters filters() {
        RecordFormat chosen = null;
        if (format != null) {
            try {
                chosen = RecordFormat.valueOf(format);
            } catch (IllegalArgumentException unknown) {
                chosen = null;
            }
        }
        return new Filters(blank(library), blank(language), chosen, from, to);
    }

    /** One page at a time from the server; the number of pages follows the (capped) count of matches. */
    public class Matches extends LazyDataModel<CatalogueHit> {

        private static final long serialVersionUID = 1L;

        /** From the facets, which count the matches (up to their cap) in the same query: no count of its own. */
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            total = facets == null ? 0 : facets.counted();
            more = total > CatalogueSearch.COUNT_CAP || facets != null && facets.capped();
            return (int) Math.min(total, CatalogueSearch.COUNT_CAP);
        }

        @Override
        public List<CatalogueHit> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                       Map<String, FilterMeta> filterBy) {
            if (q == null || q.isBlank()) {
                setRowCount(0);
                return List.of();
            }
            return catalogue.page(q, filters(), first / pageSize, pageSize);
        }

        @Override
        public String getRowKey(CatalogueHit hit) {
            return String.valueOf(hit.recordId());
        }

        @Override
        public CatalogueHit getRowData(String rowKey) {
            return null;
        }
    }

    private long total;
    private boolean more;

    public Matches getMatches() {
        return matches;
    }

    public long getTotal() {
        return total;
    }

    public boolean isMore() {
        return more;
    }

    /** The names of the libraries that may lend the record through interlibrary loan (never a reference room). */
    public String lendersOf(CatalogueHit hit) {
        return hit.holdings().stream().filter(CatalogueHit.HoldingLine::lendableThroughIll)
                .filter(line -> !line.libraryIsil().equals(ownLibrary))
                .map(CatalogueHit.HoldingLine::libraryName).distinct().collect(Collectors.joining(", "));
    }

    /** Where the signed-in reader's own library has a copy to borrow now, or null. */
    public String atHome(CatalogueHit hit) {
        if (ownLibrary == null) {
            return null;
        }
        Optional<CatalogueHit.HoldingLine> copy = hit.borrowableAt(ownLibrary);
        return copy.map(line -> line.location() + (line.callNumber() == null ? "" : ", " + line.callNumber()))
                .orElse(null);
    }

    /** ISO 639-2 bibliographic codes that differ from the terminology codes the JDK knows the names of. */
    private static final Map<String, String> TERMINOLOGY = Map.ofEntries(Map.entry("chi", "zho"),
            Map.entry("ger", "deu"), Map.entry("fre", "fra"), Map.entry("dut", "nld"), Map.entry("cze", "ces"),
            Map.entry("gre", "ell"), Map.entry("per", "fas"), Map.entry("rum", "ron"), Map.entry("slo", "slk"),
            Map.entry("wel", "cym"), Map.entry("arm", "hye"), Map.entry("baq", "eus"), Map.entry("geo", "kat"),
            Map.entry("ice", "isl"), Map.entry("mac", "mkd"), Map.entry("may", "msa"), Map.entry("alb", "sqi"),
            Map.entry("tib", "bod"), Map.entry("bur", "mya"), Map.entry("mao", "mri"));

    /** A facet value as the page names it: a library's name, a language's name in the page's language ... */
    public String label(String facet, CatalogueSearch.Facets.Value value) {
        if ("language".equals(facet)) {
            java.util.Locale language = java.util.Locale.forLanguageTag(
                    TERMINOLOGY.getOrDefault(value.value(), value.value()));
            java.util.Locale page = jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale();
            String name = language.getDisplayLanguage(page);
            return name.isEmpty() || name.equals(value.value()) ? value.value() : name;
        }
        if ("format".equals(facet)) {
            return org.openill.web.common.Texts.of("format." + value.value());
        }
        return value.label();
    }

    /**
     * The libraries whose copies of the record stand only in reference rooms (never lent through interlibrary loan),
     * by name; empty when there are none.
     */
    public String referenceRoomsOf(CatalogueHit hit) {
        java.util.Set<String> lending = hit.holdings().stream().filter(CatalogueHit.HoldingLine::lendableThroughIll)
                .map(CatalogueHit.HoldingLine::libraryIsil).collect(Collectors.toSet());
        return hit.holdings().stream().filter(line -> line.type().isReferenceRoom())
                .filter(line -> !lending.contains(line.libraryIsil()))
                .map(CatalogueHit.HoldingLine::libraryName).distinct().collect(Collectors.joining(", "));
    }

    /** Whether only reference rooms hold the record: nobody lends it. */
    public boolean onlyInReferenceRooms(CatalogueHit hit) {
        return !hit.holdings().isEmpty() && hit.holdings().stream().allMatch(line -> line.type().isReferenceRoom());
    }

    public boolean isSearched() {
        return q != null && !q.isBlank() && facets != null;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Facets getFacets() {
        return facets;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getLibrary() {
        return library;
    }

    public void setLibrary(String library) {
        this.library = library;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public Integer getFrom() {
        return from;
    }

    public void setFrom(Integer from) {
        this.from = from;
    }

    public Integer getTo() {
        return to;
    }

    public void setTo(Integer to) {
        this.to = to;
    }
}
