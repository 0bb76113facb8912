package org.openill.web.staff;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.openill.application.staff.Queue;
import org.openill.application.staff.QueueSql;
import org.openill.application.staff.StaffDashboard;
import org.openill.application.staff.StaffDesk;
import org.openill.application.staff.StaffProfile;
import org.openill.web.common.Texts;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The back office's first page, a dashboard: who is signed in, the library's queues tab by tab, today's work, what
 * waits longest, and the last 30 days' fill rate and turnaround as charts (Chart.js configurations for p:chart).
 */
@Named
@RequestScoped
public class StaffHomeBacking {

    @Inject
    StaffDesk desk;

    @Inject
    StaffDashboard dashboard;

    private StaffProfile me;
    private StaffDashboard.Figures figures;

    public StaffProfile getMe() {
        if (me == null) {
            me = desk.me();
        }
        return me;
    }

    public StaffDashboard.Figures getFigures() {
        if (figures == null) {
            figures = dashboard.figures();
        }
        return figures;
    }

    /** The tabs of one side that the dashboard counts. */
    public List<Queue> tabs(String side) {
        return Queue.of(Queue.Side.valueOf(side)).stream().filter(queue -> getFigures().queues().containsKey(queue))
                .toList();
    }

    /** A tab's count as shown: "100,000+" beyond the cap. */
    public String count(Queue queue) {
        int count = getFigures().queues().getOrDefault(queue, 0);
        return count > QueueSql.COUNT_CAP ? String.format(Locale.ROOT, "%,d+", QueueSql.COUNT_CAP)
                : String.valueOf(count);
    }

    public long hoursSince(java.time.Instant then) {
        return StaffDashboard.hoursSince(then);
    }

    /** A percentage, or a dash when there is nothing to divide. */
    public String percent(Double share) {
        return share == null ? "–" : Math.round(share * 100) + " %";
    }

    public String hours(Double hours) {
        return hours == null ? "–" : String.format(Locale.ROOT, "%.1f", hours);
    }

    /** Requests filled and unfilled by day (bars) with the average turnaround in hours (a line). */
    public String getBorrowingChart() {
        List<StaffDashboard.Day> days = getFigures().days();
        return "{\"type\":\"bar\",\"data\":{\"labels\":" + labels(days) + ",\"datasets\":["
                + dataset("bar", Texts.of("dashboard.filled"), "#2e7d32", days, day -> day.filled(), "y") + ","
                + dataset("bar", Texts.of("dashboard.unfilled"), "#c62828", days, day -> day.unfilled(), "y") + ","
                + dataset("line", Texts.of("dashboard.turnaroundHours"), "#1d4ed8", days,
                day -> day.averageTurnaroundHours() == null ? null : Math.round(day.averageTurnaroundHours() * 10) / 10.0,
                "hours")
                + "]},\"options\":{\"responsive\":true,\"maintainAspectRatio\":false,\"scales\":{"
                + "\"x\":{\"stacked\":true},\"y\":{\"stacked\":true,\"beginAtZero\":true,\"title\":{\"display\":true,"
                + "\"text\":" + json(Texts.of("dashboard.requests")) + "}},\"hours\":{\"position\":\"right\","
                + "\"beginAtZero\":true,\"grid\":{\"drawOnChartArea\":false},\"title\":{\"display\":true,\"text\":"
                + json(Texts.of("dashboard.hours")) + "}}}}}";
    }

    /** Loans and copies sent, and requests refused, by day. */
    public String getLendingChart() {
        List<StaffDashboard.Day> days = getFigures().days();
        return "{\"type\":\"bar\",\"data\":{\"labels\":" + labels(days) + ",\"datasets\":["
                + dataset("bar", Texts.of("dashboard.lent"), "#2e7d32", days, day -> day.lent(), "y") + ","
                + dataset("bar", Texts.of("dashboard.refused"), "#c62828", days, day -> day.refused(), "y")
                + "]},\"options\":{\"responsive\":true,\"maintainAspectRatio\":false,\"scales\":{"
                + "\"x\":{\"stacked\":true},\"y\":{\"stacked\":true,\"beginAtZero\":true}}}}";
    }

    private static String labels(List<StaffDashboard.Day> days) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("MM-dd");
        return days.stream().map(day -> json(day.day().format(format))).collect(Collectors.joining(",", "[", "]"));
    }

    private static String dataset(String type, String label, String colour, List<StaffDashboard.Day> days,
                                  Function<StaffDashboard.Day, Number> value, String axis) {
        return "{\"type\":\"" + type + "\",\"label\":" + json(label) + ",\"backgroundColor\":\"" + colour
                + "\",\"borderColor\":\"" + colour + "\",\"yAxisID\":\"" + axis + "\",\"spanGaps\":true,\"data\":"
                + days.stream().map(value).map(number -> number == null ? "null" : number.toString())
                .collect(Collectors.joining(",", "[", "]")) + "}";
    }

    /** A JSON string of the text: quotes, backslashes and control characters escaped. */
    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    public List<StaffDesk.BorrowingLine> getLatestBorrowing() {
        return desk.latestBorrowing(10);
    }

    public List<StaffDesk.LendingLine> getLatestLending() {
        return desk.latestLending(10);
    }
}
