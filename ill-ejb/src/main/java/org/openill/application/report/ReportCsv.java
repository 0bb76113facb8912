package org.openill.application.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A cooperation report as CSV (RFC 4180, UTF-8, CRLF): the figures of each library and pair for the period and the
 * one before, then the unfilled reasons, the fees and the busiest titles and subjects, each table with its header
 * and a blank line between tables.
 */
public final class ReportCsv {

    static final List<String> FIGURE_COLUMNS = List.of("period", "library", "partner", "made", "made_filled",
            "made_unfilled", "turnaround_median_h", "turnaround_p90_h", "received", "filled", "unfilled",
            "fill_rate_pct", "loans", "copies", "ship_median_h", "ship_p90_h", "balance", "lend_ratio");

    private ReportCsv() {
    }

    public static String of(CooperationReports.Contents contents) {
        CooperationReports.Report report = contents.report();
        StringBuilder csv = new StringBuilder();
        line(csv, List.of("report", "period_kind", "from", "until", "previous_from", "scope"));
        line(csv, List.of(String.valueOf(report.id()), report.kind().name(), report.from().toString(),
                report.until().toString(), report.previousFrom().toString(),
                report.scopeIsil() == null ? "network" : report.scopeIsil()));
        csv.append("\r\n");
        line(csv, FIGURE_COLUMNS);
        for (CooperationReports.Figure f : contents.figures()) {
            line(csv, Stream.of(period(f.current()), f.isil(), f.partnerIsil(), f.made(), f.madeFilled(),
                    f.madeUnfilled(), f.turnaroundMedianHours(), f.turnaroundP90Hours(), f.received(), f.filled(),
                    f.unfilled(), f.fillRate(), f.loans(), f.copies(), f.shipMedianHours(), f.shipP90Hours(),
                    f.balance(), f.lendRatio()).map(ReportCsv::text).toList());
        }
        csv.append("\r\n");
        line(csv, List.of("period", "lender", "borrower", "reason_unfilled", "requests"));
        for (CooperationReports.Unfilled u : contents.unfilled()) {
            line(csv, List.of(period(u.current()), u.lenderIsil(), u.borrowerIsil(), u.reason(),
                    String.valueOf(u.requests())));
        }
        csv.append("\r\n");
        line(csv, List.of("period", "owed_to", "owed_by", "currency", "amount", "fees"));
        for (CooperationReports.Fee fee : contents.fees()) {
            line(csv, List.of(period(fee.current()), fee.creditorIsil(), fee.debtorIsil(), fee.currency(),
                    fee.amount().toPlainString(), String.valueOf(fee.fees())));
        }
        csv.append("\r\n");
        line(csv, List.of("busiest", "library", "rank", "name", "requests"));
        for (CooperationReports.Busiest b : contents.busiest()) {
            line(csv, List.of(b.kind().toLowerCase(java.util.Locale.ROOT), b.isil() == null ? "network" : b.isil(),
                    String.valueOf(b.rank()), b.name(), String.valueOf(b.requests())));
        }
        return csv.toString();
    }

    private static String period(boolean current) {
        return current ? "current" : "previous";
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    private static void line(StringBuilder csv, List<String> values) {
        csv.append(values.stream().map(ReportCsv::field).collect(Collectors.joining(","))).append("\r\n");
    }

    /** A field quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+")
                ? "'" + value : value;
        return safe.matches("(?s).*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
