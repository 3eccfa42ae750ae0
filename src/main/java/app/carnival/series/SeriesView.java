package app.carnival.series;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A series as the API shows it; {@code hostToken} only in the answer to its creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        requiredProperties = {
            "slug",
            "title",
            "description",
            "hashtag",
            "intakePolicy",
            "registrationPolicy",
            "autoPublish",
            "reminderDays",
            "createdAt"
        })
public record SeriesView(
        String slug,
        String title,
        String description,
        String hashtag,
        String homeUrl,
        Series.IntakePolicy intakePolicy,
        Series.RegistrationPolicy registrationPolicy,
        boolean autoPublish,
        int reminderDays,
        Instant createdAt,
        String hostToken) {

    public static SeriesView of(Series s) {
        return new SeriesView(
                s.slug,
                s.title,
                s.description,
                s.hashtag,
                s.homeUrl,
                s.intakePolicy,
                s.registrationPolicy,
                s.autoPublish,
                s.reminderDays,
                s.createdAt,
                null);
    }

    public SeriesView withHostToken(String token) {
        return new SeriesView(
                slug,
                title,
                description,
                hashtag,
                homeUrl,
                intakePolicy,
                registrationPolicy,
                autoPublish,
                reminderDays,
                createdAt,
                token);
    }
}
