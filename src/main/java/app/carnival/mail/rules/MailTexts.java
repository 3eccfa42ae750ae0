package app.carnival.mail.rules;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The words of Carnival's mails, as plain text. Every mail ends with the unsubscribe footer the
 * sender adds ({@link #footer}); no mail names anyone's address.
 */
public final class MailTexts {

    private static final DateTimeFormatter DEADLINE =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private MailTexts() {}

    /** A subject and a body. */
    public record Text(String subject, String body) {}

    /** An assignment as a mail names it. */
    public record AssignmentRef(
            String seriesTitle, String hashtag, int number, String title, String invitationUrl, String pageUrl) {

        String label() {
            return seriesTitle + " #" + number + (title == null ? "" : ": " + title);
        }
    }

    /** The reminder of a deadline, the deadline shown in the participant's zone. */
    public static Text reminder(String name, AssignmentRef a, Instant deadline, ZoneId zone) {
        String when = DEADLINE.format(deadline.atZone(zone)) + " (" + zone.getId() + ")";
        String body = "Hello " + name + ",\n\n"
                + "the deadline of " + a.label() + " is " + when + ".\n\n"
                + (a.invitationUrl() == null ? "" : "The invitation: " + a.invitationUrl() + "\n")
                + "The assignment: " + a.pageUrl() + "\n\n"
                + "Publish your answer on your blog with #" + a.hashtag()
                + " or a link to the invitation, and Carnival adds it to the round-up.\n";
        return new Text("Reminder: " + a.label() + " closes " + when, body);
    }

    /** The round-up is published and the participant's post is in it. */
    public static Text youAreIn(String name, AssignmentRef a) {
        String body = "Hello " + name + ",\n\n"
                + "the round-up of " + a.label() + " is published, and your post is in it:\n"
                + a.pageUrl() + "\n\nThank you for taking part.\n";
        return new Text("You are in the round-up of " + a.label(), body);
    }

    /** A participant whose feed keeps failing, for the host's digest. */
    public record FailingFeed(String name, String blogUrl, String feedUrl, Instant since, String error) {}

    /** The host's digest of the participants whose feeds have been failing for a day or more. */
    public static Text hostDigest(String seriesTitle, String hostPageUrl, List<FailingFeed> feeds) {
        StringBuilder body = new StringBuilder("Hello,\n\n")
                .append(feeds.size() == 1 ? "one participant's feed" : feeds.size() + " participants' feeds")
                .append(" of ")
                .append(seriesTitle)
                .append(feeds.size() == 1 ? " has" : " have")
                .append(" been failing for a day or more. Carnival keeps trying; their new posts are missed")
                .append(" until the feed answers again.\n\n");
        for (FailingFeed f : feeds) {
            body.append("- ")
                    .append(f.name())
                    .append(" (")
                    .append(f.blogUrl())
                    .append(")\n  feed: ")
                    .append(f.feedUrl())
                    .append("\n  failing since ")
                    .append(DEADLINE.format(f.since().atZone(ZoneId.of("UTC"))))
                    .append(" UTC: ")
                    .append(f.error() == null || f.error().isBlank() ? "the feed could not be read" : f.error())
                    .append('\n');
        }
        body.append("\nFeed health of every participant: ").append(hostPageUrl).append('\n');
        String subject = seriesTitle + ": "
                + (feeds.size() == 1 ? "a participant's feed has" : feeds.size() + " participants' feeds have")
                + " been failing for a day";
        return new Text(subject, body.toString());
    }

    /** The last lines of every mail: why it came and how to stop it with one click. */
    public static String footer(String body, boolean toHost, String unsubscribeUrl) {
        String why = toHost
                ? "You get this digest because this address is the host's address in the series' settings."
                : "You get this mail because you asked for deadline reminders when you registered your blog.";
        return body + "\n-- \n" + why + "\nStop these mails (one click, then confirm): " + unsubscribeUrl + "\n";
    }
}
