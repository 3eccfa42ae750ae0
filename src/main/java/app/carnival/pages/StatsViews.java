package app.carnival.pages;

import app.carnival.chart.StackedBars;
import app.carnival.response.Response;
import app.carnival.roundup.AssignmentStats;
import app.carnival.roundup.SeriesStats;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The numbers of an assignment and the series at a glance, as the pages say and draw them. */
final class StatsViews {

    private StatsViews() {}

    /** An assignment's numbers in words: "3 responses", "1 first-timer", "first response 3 hours after opening". */
    record Numbers(int responses, int firstTimers, int late, String firstResponse, List<String> channels) {

        static Numbers of(AssignmentStats s) {
            return new Numbers(
                    s.responses(),
                    s.firstTimers(),
                    s.late(),
                    StatsViews.firstResponse(s.firstResponseAfterSeconds()),
                    s.channels().entrySet().stream().map(StatsViews::channel).toList());
        }
    }

    /** One row of the data table (and one column of the chart). */
    record Row(int number, String title, String opened, int responses, int firstTimers, int late) {}

    /** The series at a glance: totals, the chart's geometry, its description and the data table. */
    record Glance(
            int assignments,
            int participants,
            int responses,
            StackedBars.Layout chart,
            String description,
            List<Row> rows) {

        public boolean hasChart() {
            return !rows.isEmpty();
        }

        static Glance of(SeriesStats s) {
            List<Row> rows = s.perAssignment().stream()
                    .map(a -> new Row(
                            a.number(),
                            a.title() == null ? "Assignment " + a.number() : a.title(),
                            Times.day(a.opensAt().toInstant(), a.opensAt().getOffset()),
                            a.responses(),
                            a.firstTimers(),
                            a.late()))
                    .toList();
            StackedBars.Layout chart = StackedBars.of(s.perAssignment().stream()
                    .map(a -> new StackedBars.Bar("#" + a.number(), a.returning(), a.firstTimers()))
                    .toList());
            String description = rows.isEmpty()
                    ? "No assignment has opened yet."
                    : "Responses per assignment, in the order they opened: "
                            + String.join(
                                    "; ",
                                    rows.stream()
                                            .map(r -> "#" + r.number() + ", " + plural(r.responses(), "response") + ", "
                                                    + r.firstTimers() + " from first-timers")
                                            .toList())
                            + ".";
            return new Glance(s.assignments(), s.participants(), s.responses(), chart, description, rows);
        }
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    static String firstResponse(Long seconds) {
        if (seconds == null) {
            return null;
        }
        Duration d = Duration.ofSeconds(seconds);
        if (d.abs().toMinutes() == 0) {
            return "first response at the opening";
        }
        return "first response " + Times.span(d) + (d.isNegative() ? " before" : " after") + " opening";
    }

    private static String channel(Map.Entry<Response.Source, Integer> e) {
        int n = e.getValue();
        return n + " "
                + switch (e.getKey()) {
                    case FEED -> "from feeds";
                    case WEBMENTION -> "by Webmention";
                    case PINGBACK -> "by Pingback";
                    case COMMENT -> "from the invitation's comments";
                    case HOST -> "added by the host";
                };
    }
}
