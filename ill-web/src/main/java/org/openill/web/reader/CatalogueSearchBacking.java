package org.openill.web.reader;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.CatalogueHit;
import org.openill.application.CatalogueSearch;
import org.openill.application.CatalogueSearch.SearchResult;
import org.openill.web.common.Texts;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The catalogue search box of the home page: the best matches for what the reader typed, and which libraries can
 * lend each one. Request scoped: a search is answered in the request that asks it, nothing is kept for later.
 */
@Named
@RequestScoped
public class CatalogueSearchBacking {

    static final int SHOWN_MATCHES = 10;

    @Inject
    CatalogueSearch catalogueSearch;

    private String query;
    private SearchResult result;

    public void search() {
        result = catalogueSearch.search(query, 0, SHOWN_MATCHES);
    }

    public String getResultSummary() {
        return summaryOf(result, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    /** How many records match and how many of them are shown, in a sentence (English). */
    static String summaryOf(SearchResult result) {
        return summaryOf(result, Locale.ENGLISH);
    }

    /** How many records match and how many of them are shown, in a sentence in the language. */
    static String summaryOf(SearchResult result, Locale language) {
        String matches = result.more() ? Texts.of(language, "search.moreThan", CatalogueSearch.COUNT_CAP)
                : result.total() == 1 ? Texts.of(language, "search.one")
                : Texts.of(language, "search.many", result.total());
        int shown = result.hits().size();
        return shown < result.total() ? Texts.of(language, "search.bestShown", matches, shown)
                : Texts.of(language, "search.all", matches);
    }

    /** The ISILs of the libraries that may lend the record through ILL (never a reference room's copy). */
    public String lendersOf(CatalogueHit hit) {
        return hit.holdings().stream()
                .filter(CatalogueHit.HoldingLine::lendableThroughIll)
                .map(CatalogueHit.HoldingLine::libraryIsil)
                .distinct()
                .collect(Collectors.joining(", "));
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public SearchResult getResult() {
        return result;
    }
}
