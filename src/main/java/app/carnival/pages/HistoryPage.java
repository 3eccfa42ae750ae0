package app.carnival.pages;

import app.carnival.response.Response;
import app.carnival.roundup.ParticipantHistory;
import app.carnival.url.Links;
import java.util.List;

/** The participant history page: {@code /series/{slug}/participants/{id}}. */
record HistoryPage(
        String slug,
        String seriesTitle,
        long id,
        String name,
        String blogUrl,
        Integer firstAssignment,
        String firstAssignmentTitle,
        int assignmentsAnswered,
        int currentStreak,
        int longestStreak,
        List<Row> responses) {

    /** One response: the assignment it answers, the post (linked when it has an http(s) address), its date. */
    record Row(
            long id,
            int assignment,
            String assignmentTitle,
            String title,
            String url,
            String published,
            String publishedIso,
            String excerpt,
            boolean late,
            boolean manual) {}

    static HistoryPage of(String seriesTitle, ParticipantHistory h) {
        List<Row> rows = h.responses().stream()
                .map(e -> new Row(
                        e.id(),
                        e.assignment(),
                        e.assignmentTitle(),
                        e.title() == null || e.title().isBlank() ? "(untitled)" : e.title(),
                        Links.httpOrNull(e.url()),
                        Times.day(e.publishedAt().toInstant(), e.publishedAt().getOffset()),
                        Times.machine(e.publishedAt()),
                        e.excerpt(),
                        e.late(),
                        e.state() == Response.State.MANUAL))
                .toList();
        String firstTitle = h.firstAssignment() == null
                ? null
                : rows.stream()
                        .filter(r -> r.assignment() == h.firstAssignment())
                        .map(Row::assignmentTitle)
                        .findFirst()
                        .orElse(null);
        return new HistoryPage(
                h.series(),
                seriesTitle,
                h.id(),
                h.name(),
                Links.httpOrNull(h.blogUrl()),
                h.firstAssignment(),
                firstTitle,
                h.assignmentsAnswered(),
                h.currentStreak(),
                h.longestStreak(),
                rows);
    }
}
