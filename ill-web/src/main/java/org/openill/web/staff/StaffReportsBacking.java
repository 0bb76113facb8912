package org.openill.web.staff;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.LibraryChoice;
import org.openill.application.report.CooperationReports;
import org.openill.application.report.ReportCsv;
import org.openill.application.report.ReportPeriod;
import org.openill.application.staff.StaffReports;
import org.openill.domain.IllException;
import org.openill.domain.NotFoundException;
import org.openill.web.common.Texts;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.openill.web.staff.StaffHomeBacking.json;

/**
 * Cooperation reports (view parameter {@code id}): the list of reports, one report's figures beside the period
 * before with four charts (lent and borrowed, fill rate, turnaround, time to ship), and its CSV and PDF; network administrators also compile a report for a period and scope.
 */
@Named
@ViewScoped
public class StaffReportsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffReports reports;

    private Long id;
    private List<CooperationReports.Report> list;
    private CooperationReports.Contents contents;
    private ReportPeriod period = ReportPeriod.MONTH;
    private LocalDate day = LocalDate.now().minusMonths(1);
    private String scope;
    private List<LibraryChoice> libraries;

    /** Reads the report chosen (404 when it is not there for this viewer). */
    public void load() throws java.io.IOException {
        if (id == null || jakarta.faces.context.FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        try {
            contents = reports.read(id);
        } catch (NotFoundException notThere) {
            contents = null;
            org.openill.web.common.Addresses.notFound(Texts.of("reports.notFound"));
        }
    }

    public List<CooperationReports.Report> getReports() {
        if (list == null) {
            list = reports.reports();
        }
        return list;
    }

    public void compile() {
        try {
            long execution = reports.compile(period, day, scope);
            Texts.message(null, FacesMessage.SEVERITY_INFO, "reports.done.started", execution);
        } catch (IllException refused) {
            Texts.refused(null, refused);
        }
    }

    public List<LibraryChoice> getLibraries() {
        if (libraries == null) {
            libraries = reports.libraries();
        }
        return libraries;
    }

    /** The change from the period before, signed ("+3", "−2", "±0"), or nothing when there is no figure before. */
    public String change(Number now, Number before) {
        if (now == null || before == null) {
            return "";
        }
        BigDecimal delta = new BigDecimal(now.toString()).subtract(new BigDecimal(before.toString()));
        return delta.signum() > 0 ? "+" + delta.toPlainString()
                : delta.signum() < 0 ? "−" + delta.negate().toPlainString() : "±0";
    }

    public String text(BigDecimal value) {
        return value == null ? "–" : value.toPlainString();
    }

    /** Lent and borrowed (filled) per library, or per partner in one library's view. */
    public String getBalanceChart() {
        List<CooperationReports.Figure> bars = ReportPdf.bars(contents);
        return chart(bars, Texts.of("reports.lent"), f -> f.filled(), Texts.of("reports.borrowed"), f -> f.madeFilled());
    }

    /** The fill rate, this period beside the period before. */
    public String getFillRateChart() {
        List<CooperationReports.Figure> bars = ReportPdf.bars(contents);
        return chart(bars, Texts.of("reports.thisPeriod"), CooperationReports.Figure::fillRate,
                Texts.of("reports.periodBefore"), f -> {
                    CooperationReports.Figure before = contents.previousOf(f);
                    return before == null ? null : before.fillRate();
                });
    }

    /** Turnaround in hours (request to receipt): median and 90th percentile. */
    public String getTurnaroundChart() {
        return chart(ReportPdf.bars(contents), Texts.of("reports.median"),
                CooperationReports.Figure::turnaroundMedianHours, Texts.of("reports.p90"),
                CooperationReports.Figure::turnaroundP90Hours);
    }

    /** The lender's time to ship in hours: median and 90th percentile. */
    public String getShipChart() {
        return chart(ReportPdf.bars(contents), Texts.of("reports.median"), CooperationReports.Figure::shipMedianHours,
                Texts.of("reports.p90"), CooperationReports.Figure::shipP90Hours);
    }

    private static String chart(List<CooperationReports.Figure> bars, String first,
                                Function<CooperationReports.Figure, Number> firstValue, String second,
                                Function<CooperationReports.Figure, Number> secondValue) {
        return "{\"type\":\"bar\",\"data\":{\"labels\":"
                + bars.stream().map(f -> json(ReportPdf.label(f))).collect(Collectors.joining(",", "[", "]"))
                + ",\"datasets\":[" + dataset(first, "#2e7d32", bars, firstValue) + ","
                + dataset(second, "#1d4ed8", bars, secondValue)
                + "]},\"options\":{\"responsive\":true,\"maintainAspectRatio\":false,"
                + "\"scales\":{\"y\":{\"beginAtZero\":true,\"ticks\":{\"precision\":0}}}}}";
    }

    private static String dataset(String label, String colour, List<CooperationReports.Figure> bars,
                                  Function<CooperationReports.Figure, Number> value) {
        return "{\"label\":" + json(label) + ",\"backgroundColor\":\"" + colour + "\",\"data\":"
                + bars.stream().map(value).map(n -> n == null ? "null" : n.toString())
                .collect(Collectors.joining(",", "[", "]")) + "}";
    }

    public StreamedContent getCsv() {
        byte[] bytes = ReportCsv.of(contents).getBytes(StandardCharsets.UTF_8);
        return download(bytes, "text/csv; charset=UTF-8", ".csv");
    }

    public StreamedContent getPdf() {
        return download(ReportPdf.of(contents), "application/pdf", ".pdf");
    }

    private StreamedContent download(byte[] bytes, String type, String extension) {
        CooperationReports.Report report = contents.report();
        String name = "cooperation-report-" + report.kind().name().toLowerCase() + "-" + report.from()
                + (report.scopeIsil() == null ? "-network" : "-" + report.scopeIsil()) + extension;
        return DefaultStreamedContent.builder().name(name).contentType(type).contentLength((long) bytes.length)
                .stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    // ---- properties ----

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public CooperationReports.Contents getContents() {
        return contents;
    }

    public ReportPeriod[] getPeriods() {
        return ReportPeriod.values();
    }

    public ReportPeriod getPeriod() {
        return period;
    }

    public void setPeriod(ReportPeriod period) {
        this.period = period;
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }
}
