package app.carnival.pages;

import app.carnival.feed.store.Feed;
import app.carnival.intake.MentionStatus;
import app.carnival.intake.store.Mention;
import app.carnival.matching.MatchRule;
import app.carnival.matching.MatchedBy;
import app.carnival.participant.Participant;
import app.carnival.response.Response;
import app.carnival.roundup.NearMiss;
import app.carnival.roundup.RoundupView;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentStatus;
import app.carnival.series.Series;
import app.carnival.url.Links;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What the page templates show, as immutable records built from the entities. Every URL that came
 * from outside (feeds, registrations) goes through {@link Links#httpOrNull}: templates only link
 * what is http(s), and Qute escapes all text.
 */
final class Views {

    private Views() {}

    record SeriesCard(String slug, String title, String hashtag, String description, String nextDeadline) {}

    record AssignmentCard(int number, String title, String window, AssignmentStatus status, String when) {

        static AssignmentCard of(Assignment a, Instant now) {
            ZoneId zone = ZoneId.of(a.timezone);
            AssignmentStatus status = AssignmentStatus.at(now, a.opensAt, a.closesAt, a.graceEndsAt());
            String when = switch (status) {
                case UPCOMING -> "opens " + Times.relative(now, a.opensAt);
                case OPEN -> "closes " + Times.relative(now, a.closesAt);
                case GRACE -> "closed " + Times.relative(now, a.closesAt) + "; late entries still accepted";
                case CLOSED -> "closed on " + Times.day(a.closesAt, zone);
            };
            return new AssignmentCard(
                    a.number,
                    a.title,
                    Times.format(a.opensAt, zone) + " – " + Times.format(a.closesAt, zone),
                    status,
                    when);
        }
    }

    /** {@code discovered}: found by an intake, not registered by the blogger. */
    record ParticipantCard(long id, String name, String blogUrl, boolean discovered) {

        static ParticipantCard of(Participant p) {
            return new ParticipantCard(
                    p.id, p.name, Links.httpOrNull(p.blogUrl), p.origin == Participant.Origin.DISCOVERED);
        }
    }

    record SeriesPage(
            String slug,
            String title,
            String description,
            String hashtag,
            String homeUrl,
            List<AssignmentCard> open,
            List<AssignmentCard> upcoming,
            List<AssignmentCard> past,
            List<ParticipantCard> participants) {

        static SeriesPage of(Series s, List<Assignment> assignments, List<Participant> participants, Instant now) {
            List<AssignmentCard> cards =
                    assignments.stream().map(a -> AssignmentCard.of(a, now)).toList();
            List<AssignmentCard> past = new ArrayList<>(cards.stream()
                    .filter(c -> c.status() == AssignmentStatus.CLOSED)
                    .toList());
            Collections.reverse(past); // most recent first
            return new SeriesPage(
                    s.slug,
                    s.title,
                    s.description,
                    s.hashtag,
                    Links.httpOrNull(s.homeUrl),
                    cards.stream().filter(c -> c.status().takesEntries()).toList(),
                    cards.stream()
                            .filter(c -> c.status() == AssignmentStatus.UPCOMING)
                            .toList(),
                    past,
                    participants.stream().map(ParticipantCard::of).toList());
        }
    }

    /**
     * One response; {@code url} null when the post has no http(s) address. The host's cards also say
     * when to the minute, how the response was found, why an intake decided as it did, and whether
     * its blog was discovered.
     */
    record EntryCard(
            long id,
            String participant,
            String blogUrl,
            String title,
            String url,
            String published,
            String publishedIso,
            String excerpt,
            boolean late,
            String matchedBy,
            Response.State state,
            String publishedTime,
            String foundBy,
            String reason,
            boolean discovered) {

        static EntryCard of(RoundupView.Entry e) {
            return of(e, e.publishedAt().getOffset(), false);
        }

        static EntryCard forHost(RoundupView.Entry e, ZoneId zone, boolean discovered) {
            return of(e, zone, discovered);
        }

        private static EntryCard of(RoundupView.Entry e, ZoneId zone, boolean discovered) {
            String by = e.matchedBy().isEmpty()
                    ? "nothing (added by the host)"
                    : String.join(
                            " and ",
                            e.matchedBy().stream()
                                    .map(m -> m == MatchedBy.LINK ? "link-back" : "hashtag")
                                    .toList());
            return new EntryCard(
                    e.id(),
                    e.participant(),
                    Links.httpOrNull(e.blogUrl()),
                    e.title() == null || e.title().isBlank() ? "(untitled)" : e.title(),
                    Links.httpOrNull(e.url()),
                    Times.day(e.publishedAt().toInstant(), e.publishedAt().getOffset()),
                    Times.machine(e.publishedAt()),
                    e.excerpt(),
                    e.late(),
                    by,
                    e.state(),
                    Times.format(e.publishedAt().toInstant(), zone),
                    Views.foundBy(e.source()),
                    e.reason(),
                    discovered);
        }

        public boolean hidden() {
            return state == Response.State.HIDDEN;
        }

        public boolean pending() {
            return state == Response.State.PENDING;
        }

        public boolean manual() {
            return state == Response.State.MANUAL;
        }
    }

    /** How a response reached Carnival, in the host's words. */
    static String foundBy(Response.Source source) {
        return switch (source) {
            case FEED -> "found in the blog's feed";
            case WEBMENTION -> "sent by Webmention";
            case PINGBACK -> "sent by pingback";
            case COMMENT -> "found among the comments and pingbacks on the invitation";
            case HOST -> "added by the host";
        };
    }

    /** How an intake candidate reached Carnival: the channel's words are its response's. */
    static String foundBy(Mention.Channel channel) {
        return foundBy(
                switch (channel) {
                    case WEBMENTION -> Response.Source.WEBMENTION;
                    case PINGBACK -> Response.Source.PINGBACK;
                    case COMMENT -> Response.Source.COMMENT;
                });
    }

    /** What a post must do to be picked up under the rule: "uses #x and links to the invitation". */
    static String howToAnswer(MatchRule rule, String hashtag) {
        return switch (rule) {
            case LINK_OR_TAG -> "uses #" + hashtag + " or links to the invitation";
            case LINK_AND_TAG -> "uses #" + hashtag + " and links to the invitation";
            case LINK_ONLY -> "links to the invitation";
            case TAG_ONLY -> "uses #" + hashtag;
        };
    }

    /** When an assignment takes entries, as the page shows it: in its zone, and relative to now. */
    record Window(String opens, String closes, String closesIso, AssignmentStatus status, String when) {

        static Window of(Assignment a, Instant now) {
            ZoneId zone = ZoneId.of(a.timezone);
            AssignmentCard card = AssignmentCard.of(a, now);
            return new Window(
                    Times.format(a.opensAt, zone),
                    Times.format(a.closesAt, zone),
                    Times.machine(a.closesAt),
                    card.status(),
                    card.when());
        }
    }

    record AssignmentPage(
            String slug,
            String seriesTitle,
            int number,
            String title,
            String invitationUrl,
            List<String> questions,
            Window window,
            String howTo,
            String intro,
            List<EntryCard> entries,
            Endpoints endpoints) {

        static AssignmentPage of(Assignment a, RoundupView roundup, Instant now, Endpoints endpoints) {
            return new AssignmentPage(
                    a.series.slug,
                    a.series.title,
                    a.number,
                    a.title,
                    Links.httpOrNull(a.invitationUrl),
                    List.copyOf(a.questions),
                    Window.of(a, now),
                    howToAnswer(a.matchRule, a.effectiveHashtag()),
                    a.roundupIntro,
                    roundup.responses().stream().map(EntryCard::of).toList(),
                    endpoints);
        }
    }

    /** Where the intakes receive, absolute (under {@code carnival.public-url}): assignment pages advertise them. */
    record Endpoints(String webmention, String pingback) {}

    /** The registration form's values and its errors, per field and overall. */
    record RegisterForm(
            String slug,
            String seriesTitle,
            String hashtag,
            String name,
            String blogUrl,
            String feedUrl,
            String nameError,
            String blogUrlError,
            String feedUrlError,
            String error) {}

    record Registered(
            String slug, String seriesTitle, String hashtag, long id, String name, String feedUrl, String token) {}

    /** A participant's feed as the host watches it. */
    record FeedRow(
            long participantId,
            String name,
            String blogUrl,
            String feedUrl,
            String lastPolled,
            String status,
            String error,
            String nextPoll,
            boolean paused,
            boolean failing,
            boolean discovered) {

        static FeedRow of(Participant p, Instant now) {
            Feed f = p.feed;
            String status = f.lastStatus == null
                    ? (f.lastPolledAt == null ? "not polled yet" : "no answer")
                    : "HTTP " + f.lastStatus;
            return new FeedRow(
                    p.id,
                    p.name,
                    Links.httpOrNull(p.blogUrl),
                    Links.httpOrNull(f.url),
                    f.lastPolledAt == null ? "never" : Times.relative(now, f.lastPolledAt),
                    status,
                    f.paused ? f.pausedReason : f.lastError,
                    f.paused ? "paused" : f.nextPollAt == null ? "soon" : Times.relative(now, f.nextPollAt),
                    f.paused,
                    f.errorCount > 0 || f.paused,
                    p.origin == Participant.Origin.DISCOVERED);
        }
    }

    record NearMissCard(
            long postId,
            String participant,
            String title,
            String url,
            String published,
            String evidence,
            String reason) {

        static NearMissCard of(NearMiss m) {
            return new NearMissCard(
                    m.postId(),
                    m.participant(),
                    m.title() == null || m.title().isBlank() ? "(untitled)" : m.title(),
                    Links.httpOrNull(m.url()),
                    Times.day(m.publishedAt().toInstant(), m.publishedAt().getOffset()),
                    m.summary(),
                    m.reason());
        }
    }

    /** A candidate an intake turned down; {@code url} null when the source is no http(s) address. */
    record RejectedCard(String source, String url, String foundBy, String reason, String when) {

        static RejectedCard of(MentionStatus m, Instant now) {
            return new RejectedCard(
                    m.source(),
                    Links.httpOrNull(m.source()),
                    Views.foundBy(m.channel()),
                    m.detail(),
                    Times.relative(now, m.updatedAt()));
        }
    }

    /**
     * What a host needs to let the intakes find responses: the Webmention endpoint to name in the
     * invitation's head, and Carnival's own page of the assignment, which receives by itself.
     */
    record IntakeHelp(String webmention, String page) {}

    /** {@code pending}: per assignment number, the responses waiting for the host (none: absent). */
    record HostDashboard(
            String slug,
            String seriesTitle,
            String csrf,
            List<FeedRow> feeds,
            List<AssignmentCard> assignments,
            Map<Integer, Long> pending,
            String message,
            String error) {

        public long waiting(int number) {
            return pending.getOrDefault(number, 0L);
        }
    }

    record CurationPage(
            String slug,
            String seriesTitle,
            int number,
            String title,
            String csrf,
            List<EntryCard> pending,
            List<EntryCard> entries,
            List<NearMissCard> nearMisses,
            List<RejectedCard> rejected,
            List<ParticipantCard> participants,
            IntakeHelp intake,
            String markdown,
            String html,
            String message,
            String error) {

        /** Few enough to show open; more stay folded under their summary. */
        public boolean fewRejected() {
            return rejected.size() <= 5;
        }
    }

    /** One field's error, as the error summary links it: {@code field} is the id of the field's control. */
    record FieldError(String field, String message) {}

    /** The form that starts a series, with the browser's CSRF form token. */
    record StartPage(SeriesForm form, String formToken) {}

    /** A host token shown once: to the host who just started the series, or who just replaced the token. */
    record TokenShown(String slug, String seriesTitle, String token) {}

    /** The series' settings for its host; {@code confirm} what was typed to confirm a deletion. */
    record SettingsPage(String slug, String seriesTitle, String csrf, SeriesForm form, String confirm, String message) {

        public String confirmHint() {
            return "Type " + slug + " to delete the series.";
        }
    }
}
