package app.carnival.pages;

import app.carnival.announce.AnnouncementView;
import app.carnival.announce.Announcements;
import app.carnival.announce.rules.AnnouncementState;
import app.carnival.errors.DomainException;
import app.carnival.errors.InvalidInput;
import app.carnival.feed.store.Feed;
import app.carnival.intake.MentionStatus;
import app.carnival.intake.store.Mention;
import app.carnival.matching.MatchRule;
import app.carnival.matching.MatchedBy;
import app.carnival.participant.Participant;
import app.carnival.registration.Registration;
import app.carnival.response.Response;
import app.carnival.roundup.NearMiss;
import app.carnival.roundup.RoundupIntro;
import app.carnival.roundup.RoundupView;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentStatus;
import app.carnival.series.Series;
import app.carnival.url.Links;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the page templates show, as immutable records built from the entities. Every URL that came
 * from outside (feeds, registrations) goes through {@link Links#httpOrNull}: templates only link
 * what is http(s), and Qute escapes all text.
 */
final class Views {

    private Views() {}

    record SeriesCard(String slug, String title, String hashtag, String description, String nextDeadline) {}

    /**
     * @param guestHost   who hosts this edition when not the series' host, else null
     * @param schedule    "#12 · hosted by Dan Example · opens Tue 8 Dec"
     * @param noInvitation the invitation URL is still missing
     */
    record AssignmentCard(
            int number,
            String title,
            String window,
            AssignmentStatus status,
            String when,
            String guestHost,
            String schedule,
            boolean noInvitation) {

        private static final DateTimeFormatter OPENS_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

        static AssignmentCard of(Assignment a, Instant now) {
            ZoneId zone = ZoneId.of(a.timezone);
            AssignmentStatus status = AssignmentStatus.at(now, a.opensAt, a.closesAt, a.graceEndsAt());
            String when = switch (status) {
                case UPCOMING -> "opens " + Times.relative(now, a.opensAt);
                case OPEN -> "closes " + Times.relative(now, a.closesAt);
                case GRACE -> "closed " + Times.relative(now, a.closesAt) + "; late entries still accepted";
                case CLOSED -> "closed on " + Times.day(a.closesAt, zone);
            };
            String schedule = "#" + a.number
                    + (a.guestHostName == null ? "" : " · hosted by " + a.guestHostName)
                    + (status == AssignmentStatus.UPCOMING
                            ? " · opens " + OPENS_DAY.format(a.opensAt.atZone(zone))
                            : "");
            return new AssignmentCard(
                    a.number,
                    a.displayTitle(),
                    Times.format(a.opensAt, zone) + " – " + Times.format(a.closesAt, zone),
                    status,
                    when,
                    a.guestHostName,
                    schedule,
                    a.invitationUrl == null);
        }
    }

    /** The hosts page: who hosts each assignment, past and planned. */
    record HostsPage(String slug, String seriesTitle, List<HostRow> rows) {}

    /** {@code host} is the guest host's name, or "the series' host". */
    record HostRow(
            int number,
            String title,
            String host,
            String hostUrl,
            String when,
            AssignmentStatus status,
            long responses) {

        static HostRow of(Assignment a, long responses, Instant now) {
            ZoneId zone = ZoneId.of(a.timezone);
            return new HostRow(
                    a.number,
                    a.displayTitle(),
                    a.guestHostName == null ? "the series' host" : a.guestHostName,
                    Links.httpOrNull(a.guestHostUrl),
                    Times.day(a.opensAt, zone) + " – " + Times.day(a.closesAt, zone),
                    AssignmentStatus.at(now, a.opensAt, a.closesAt, a.graceEndsAt()),
                    responses);
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
            long participantId,
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
                    e.participantId(),
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
    record Window(
            String opens, String closes, String closesIso, String graceEnds, AssignmentStatus status, String when) {

        static Window of(Assignment a, Instant now) {
            ZoneId zone = ZoneId.of(a.timezone);
            AssignmentCard card = AssignmentCard.of(a, now);
            return new Window(
                    Times.format(a.opensAt, zone),
                    Times.format(a.closesAt, zone),
                    Times.machine(a.closesAt),
                    Times.format(a.graceEndsAt(), zone),
                    card.status(),
                    card.when());
        }

        /** Past its deadline but still taking late entries. */
        public boolean grace() {
            return status == AssignmentStatus.GRACE;
        }

        public boolean closed() {
            return status == AssignmentStatus.CLOSED;
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
            List<String> intro,
            List<EntryCard> entries,
            StatsViews.Numbers numbers,
            Endpoints endpoints) {

        static AssignmentPage of(Assignment a, RoundupView roundup, Instant now, Endpoints endpoints) {
            return new AssignmentPage(
                    a.series.slug,
                    a.series.title,
                    a.number,
                    a.displayTitle(),
                    Links.httpOrNull(a.invitationUrl),
                    List.copyOf(a.questions),
                    Window.of(a, now),
                    howToAnswer(a.matchRule, a.effectiveHashtag()),
                    RoundupIntro.split(a.roundupIntro),
                    roundup.responses().stream().map(EntryCard::of).toList(),
                    StatsViews.Numbers.of(roundup.stats()),
                    endpoints);
        }
    }

    /**
     * Where the intakes receive, absolute (under {@code carnival.public-url}): assignment pages advertise
     * them. {@code site} is that public base URL, for the page's own address in its microformats.
     */
    record Endpoints(String webmention, String pingback, String site) {}

    /**
     * One problem with a submitted form, for the error summary at its top ({@code tags/errorSummary}):
     * {@code field} is the id of the input at fault (the summary links to it), null for the form as a whole.
     */
    @TemplateData
    record FormError(String field, String message) {

        /** The field errors (in the order given, those present), then the form's own. */
        static List<FormError> of(String formError, String... fieldsAndMessages) {
            List<FormError> all = new ArrayList<>();
            for (int i = 0; i < fieldsAndMessages.length; i += 2) {
                if (fieldsAndMessages[i + 1] != null) {
                    all.add(new FormError(fieldsAndMessages[i], fieldsAndMessages[i + 1]));
                }
            }
            if (formError != null) {
                all.add(new FormError(null, formError));
            }
            return all;
        }
    }

    /**
     * The registration form's values and its errors, per field and overall; {@code mail}: the instance
     * sends mail, so the form offers reminders (address and time zone, from {@code zones}).
     */
    record RegisterForm(
            String slug,
            String seriesTitle,
            String hashtag,
            String name,
            String blogUrl,
            String feedUrl,
            String email,
            String timeZone,
            Map<String, String> fieldErrors,
            String error,
            boolean mail,
            List<String> zones,
            boolean reviewed) {

        /** What the field's error says, or null. */
        public String errorOf(String field) {
            return fieldErrors.get(field);
        }

        /** Worded as the fields' inline errors are. */
        public List<FormError> errors() {
            return FormError.of(
                    error,
                    "name",
                    labelled("Name ", "name"),
                    "blogUrl",
                    labelled("Blog address ", "blogUrl"),
                    "feedUrl",
                    labelled("Feed address ", "feedUrl"),
                    "email",
                    labelled("E-mail address ", "email"),
                    "timeZone",
                    labelled("Time zone ", "timeZone"));
        }

        private String labelled(String label, String field) {
            return fieldErrors.containsKey(field) ? label + fieldErrors.get(field) : null;
        }
    }

    /**
     * The host's login form: {@code formToken} is its CSRF value ({@link FormGuard}); {@code tokenError}
     * is about the token typed, {@code error} about the form as a whole.
     */
    record LoginForm(String slug, String seriesTitle, String formToken, String tokenError, String error) {

        public List<FormError> errors() {
            return FormError.of(error, "token", tokenError);
        }
    }

    record Registered(
            String slug,
            String seriesTitle,
            String hashtag,
            long id,
            String name,
            String feedUrl,
            String token,
            boolean reminders,
            boolean pending) {}

    /** A registration waiting for the host's approval, as the host's dashboard lists it. */
    record PendingRow(long participantId, String name, String blogUrl, String feedUrl, String registered) {

        static PendingRow of(Participant p, Instant now) {
            return new PendingRow(
                    p.id,
                    p.name,
                    Links.httpOrNull(p.blogUrl),
                    Links.httpOrNull(p.feed.url),
                    Times.relative(now, p.createdAt));
        }
    }

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
                    : "HTTP " + f.lastStatus + (f.lastStatus == 304 ? " (unchanged)" : "");
            return new FeedRow(
                    p.id,
                    p.name,
                    Links.httpOrNull(p.blogUrl),
                    Links.httpOrNull(f.url),
                    f.lastPolledAt == null ? "never" : Times.relative(now, f.lastPolledAt),
                    status,
                    f.paused ? f.pausedReason : f.lastError,
                    // a due feed waits for the poller's next tick: "soon", not "1 minute ago"
                    f.paused
                            ? "paused"
                            : f.nextPollAt == null || !f.nextPollAt.isAfter(now)
                                    ? "soon"
                                    : Times.relative(now, f.nextPollAt),
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

    /**
     * The "Publish the round-up" part of the curation page: when it was published (and how its
     * Webmentions went), or whether it can be published yet.
     */
    record PublishBox(
            boolean published, String when, String whenIso, boolean publishable, String deadline, String tally) {

        static PublishBox of(Assignment a, Announcements.Publication p, Instant now) {
            ZoneId zone = ZoneId.of(a.timezone);
            Map<AnnouncementState, Long> counts = p.announcements().stream()
                    .collect(Collectors.groupingBy(AnnouncementView::state, Collectors.counting()));
            String tally = p.announcements().isEmpty()
                    ? "No Webmention to send yet."
                    : "Webmentions: " + counts.getOrDefault(AnnouncementState.SENT, 0L) + " sent, "
                            + counts.getOrDefault(AnnouncementState.NO_ENDPOINT, 0L) + " without an endpoint, "
                            + counts.getOrDefault(AnnouncementState.FAILED, 0L) + " failed, "
                            + counts.getOrDefault(AnnouncementState.QUEUED, 0L) + " waiting.";
            return new PublishBox(
                    p.published(),
                    p.published() ? Times.format(p.publishedAt(), zone) : null,
                    p.published() ? Times.machine(p.publishedAt()) : null,
                    !now.isBefore(a.closesAt),
                    Times.format(a.closesAt, zone),
                    tally);
        }
    }

    /** {@code pending}: per assignment number, the responses waiting for the host (none: absent). */
    /**
     * @param seriesHost the series' host (else a guest host, who sees only their assignments and the feeds)
     * @param warnings   upcoming assignments still without an invitation a week before they open
     */
    record HostDashboard(
            String slug,
            String seriesTitle,
            String csrf,
            boolean seriesHost,
            List<FeedRow> feeds,
            List<PendingRow> registrations,
            List<AssignmentCard> assignments,
            List<String> warnings,
            List<Registration.BlockedView> blocked,
            Map<Integer, Long> pending,
            String message,
            String error) {

        public long waiting(int number) {
            return pending.getOrDefault(number, 0L);
        }

        /**
         * This page saying how the participant's feed answered the poll just made, read from the feed's
         * stored state (the redirect after the poll carries only the participant's id).
         */
        HostDashboard polled(long participantId) {
            return feeds.stream()
                    .filter(f -> f.participantId() == participantId)
                    .findFirst()
                    .map(f -> {
                        String said = "Polled " + f.name() + "'s feed"
                                + (f.feedUrl() == null ? "" : " (" + f.feedUrl() + ")") + ": " + f.status();
                        return f.error() == null
                                ? withMessages(said + ".", null)
                                : withMessages(null, said + ", " + f.error());
                    })
                    .orElse(this);
        }

        private HostDashboard withMessages(String message, String error) {
            return new HostDashboard(
                    slug,
                    seriesTitle,
                    csrf,
                    seriesHost,
                    feeds,
                    registrations,
                    assignments,
                    warnings,
                    blocked,
                    pending,
                    message,
                    error);
        }
    }

    /** The curation page's "add a post by URL" form: what was typed, and why it was refused. */
    record AddForm(String url, String participantId, String urlError, String participantError, String error) {

        static final AddForm BLANK = new AddForm("", "", null, null, null);

        /** The form again after {@code e}: a field's error next to it, any other above the fields. */
        static AddForm refused(String url, String participantId, DomainException e) {
            String urlError = null;
            String participantError = null;
            String error = e.getMessage();
            if (e instanceof InvalidInput invalid) {
                error = null;
                for (InvalidInput.FieldError f : invalid.errors()) {
                    switch (f.field()) {
                        case "url" -> urlError = f.message();
                        case "participantId" -> participantError = f.message();
                        default -> error = f.field() + ": " + f.message();
                    }
                }
            }
            return new AddForm(
                    url == null ? "" : url,
                    participantId == null ? "" : participantId,
                    urlError,
                    participantError,
                    error);
        }

        public List<FormError> errors() {
            return FormError.of(
                    error,
                    "url",
                    urlError == null ? null : "Post address " + urlError,
                    "participantId",
                    participantError == null ? null : "Participant: " + participantError);
        }

        public boolean chosen(long participant) {
            return String.valueOf(participant).equals(participantId);
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
            AddForm add,
            PublishBox publish,
            Map<Long, AnnouncementView> announced,
            String message,
            String error) {

        /** What became of the Webmention to this response's post, in words; null when it has none. */
        public String announcement(long responseId) {
            AnnouncementView v = announced.get(responseId);
            return v == null ? null : v.summary();
        }

        /** A class for the line above: sent, failed or waiting. */
        public String announcementClass(long responseId) {
            AnnouncementView v = announced.get(responseId);
            return v == null ? "" : "announcement-" + v.state().name().toLowerCase(Locale.ROOT);
        }

        /** Few enough to show open; more stay folded under their summary. */
        public boolean fewRejected() {
            return rejected.size() <= 5;
        }
    }

    /** One field's error, as the error summary links it: {@code field} is the id of the field's control. */
    record FieldError(String field, String message) {}

    /** The form that starts a series, with the browser's CSRF form token. */
    /** {@code operatorToken}: only the operator starts series here, so the form asks for the operator token. */
    record StartPage(SeriesForm form, String formToken, boolean operatorToken) {}

    /** A host token shown once: to the host who just started the series, or who just replaced the token. */
    record TokenShown(String slug, String seriesTitle, String token) {}

    /** The series' settings for its host; {@code confirm} what was typed to confirm a deletion. */
    /** {@code mail}: the instance sends mail, so the reminder and digest settings are offered. */
    record SettingsPage(
            String slug,
            String seriesTitle,
            String csrf,
            SeriesForm form,
            String confirm,
            String message,
            boolean mail) {

        public String confirmHint() {
            return "Type " + slug + " to delete the series.";
        }
    }
}
