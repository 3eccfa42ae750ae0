package app.carnival.announce;

import app.carnival.announce.store.AnnouncementQueue;
import app.carnival.config.CarnivalConfig;
import app.carnival.errors.Conflict;
import app.carnival.hosting.AssignmentPlanning;
import app.carnival.security.Caller;
import app.carnival.series.Assignment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Publishing a round-up: the host (or guest host) declares it final once the deadline has passed;
 * from then on each response readers see is told by a Webmention ({@link AnnouncementWorker}).
 * Publishing again changes nothing and answers the same.
 */
@ApplicationScoped
public class Publishing {

    private final AssignmentPlanning planning;
    private final AnnouncementQueue queue;
    private final Announcements announcements;
    private final InstantSource clock;
    private final String publicUrl;

    public Publishing(
            AssignmentPlanning planning,
            AnnouncementQueue queue,
            Announcements announcements,
            InstantSource clock,
            CarnivalConfig config) {
        this.planning = planning;
        this.queue = queue;
        this.announcements = announcements;
        this.clock = clock;
        this.publicUrl = base(config);
    }

    /** The public URL without a trailing slash: what every source address starts with. */
    static String base(CarnivalConfig config) {
        return config.publicUrl().replaceAll("/+$", "");
    }

    /**
     * Publishes the round-up, and queues its Webmentions, in one short transaction.
     *
     * @throws Conflict before the assignment's deadline
     */
    public Announcements.Publication publish(String slug, String number, Caller caller) {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Assignment a = planning.requireHosted(slug, number, caller);
            Instant now = clock.instant();
            if (a.roundupPublishedAt == null) {
                if (now.isBefore(a.closesAt)) {
                    throw new Conflict("The round-up of #" + a.number + " can be published once its deadline has"
                            + " passed (" + a.closesAt + "); responses may still come until then.");
                }
                a.roundupPublishedAt = now;
                queue.enqueue(a.id, publicUrl, now);
            }
            return a.id;
        });
        return announcements.publication(id);
    }
}
