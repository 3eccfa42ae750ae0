package app.carnival.pages;

import app.carnival.errors.InvalidInput;
import app.carnival.series.Series;
import app.carnival.series.SeriesRequest;
import app.carnival.series.Slugs;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A series as its forms show it (starting one, its settings): the values as typed, and what is
 * wrong with each field, in words that start with the field's label.
 */
record SeriesForm(
        String title,
        String slug,
        String hashtag,
        String description,
        String homeUrl,
        String intakePolicy,
        String registrationPolicy,
        boolean autoPublish,
        String reminderDays,
        String hostEmail,
        Map<String, String> errors) {

    /** Every field a series form may report on, labelled, in the order the forms show them. */
    private static final Map<String, String> LABELS = labels();

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("operatorToken", "Operator token");
        labels.put("title", "Title");
        labels.put("slug", "Address");
        labels.put("hashtag", "Hashtag");
        labels.put("description", "Description");
        labels.put("homeUrl", "Home page");
        labels.put("intakePolicy", "Responses from blogs that did not register");
        labels.put("registrationPolicy", "New registrations");
        labels.put("autoPublish", "Publish each round-up when its grace period ends");
        labels.put("reminderDays", "Reminder days");
        labels.put("hostEmail", "Your e-mail address");
        labels.put("confirm", "Confirmation");
        return labels;
    }

    static SeriesForm blank() {
        return typed(
                "",
                "",
                "",
                "",
                "",
                Series.IntakePolicy.REVIEW.name(),
                Series.RegistrationPolicy.OPEN.name(),
                false,
                "",
                "");
    }

    static SeriesForm of(Series s) {
        return typed(
                s.title,
                s.slug,
                s.hashtag,
                s.description,
                s.homeUrl,
                s.intakePolicy.name(),
                s.registrationPolicy.name(),
                s.autoPublish,
                String.valueOf(s.reminderDays),
                s.hostEmail);
    }

    /** What was typed; an empty slug is made from the title, as the script of the form does while typing. */
    static SeriesForm typed(
            String title,
            String slug,
            String hashtag,
            String description,
            String homeUrl,
            String intakePolicy,
            String registrationPolicy,
            boolean autoPublish,
            String reminderDays,
            String hostEmail) {
        String s = orEmpty(slug).trim();
        return new SeriesForm(
                orEmpty(title),
                s.isEmpty() ? Slugs.fromTitle(title) : s,
                orEmpty(hashtag),
                orEmpty(description),
                orEmpty(homeUrl),
                orEmpty(intakePolicy),
                orEmpty(registrationPolicy),
                autoPublish,
                orEmpty(reminderDays),
                orEmpty(hostEmail),
                Map.of());
    }

    /** The request these values make; an unknown policy is refused here, the rest by the service. */
    SeriesRequest request() {
        Series.IntakePolicy policy = choice(Series.IntakePolicy.class, "intakePolicy", intakePolicy);
        Series.RegistrationPolicy registrations =
                choice(Series.RegistrationPolicy.class, "registrationPolicy", registrationPolicy);
        Integer days;
        try {
            days = reminderDays.isBlank() ? null : Integer.valueOf(reminderDays.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput("reminderDays", "must be a whole number of days from 0 to 30");
        }
        return new SeriesRequest(
                orNull(slug),
                orNull(title),
                orNull(description),
                orNull(hashtag),
                orNull(homeUrl),
                policy,
                registrations,
                autoPublish,
                days,
                orNull(hostEmail));
    }

    SeriesForm withErrors(List<InvalidInput.FieldError> found) {
        Map<String, String> all = new HashMap<>(errors);
        found.forEach(f -> all.putIfAbsent(f.field(), label(f.field()) + " " + f.message()));
        return new SeriesForm(
                title,
                slug,
                hashtag,
                description,
                homeUrl,
                intakePolicy,
                registrationPolicy,
                autoPublish,
                reminderDays,
                hostEmail,
                Map.copyOf(all));
    }

    SeriesForm withError(String field, String message) {
        return withErrors(List.of(new InvalidInput.FieldError(field, message)));
    }

    /** The error of one field, or null. */
    public String error(String field) {
        return errors.get(field);
    }

    /** Every error, in the order of the fields on the page: the error summary's links. */
    public List<Views.FieldError> summary() {
        return LABELS.keySet().stream()
                .filter(errors::containsKey)
                .map(field -> new Views.FieldError(field, errors.get(field)))
                .toList();
    }

    public boolean autoIntake() {
        return Series.IntakePolicy.AUTO.name().equals(intakePolicy);
    }

    public boolean reviewRegistrations() {
        return Series.RegistrationPolicy.REVIEW.name().equals(registrationPolicy);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "must be one of the two choices");
        }
    }

    private static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String orNull(String s) {
        return s.isBlank() ? null : s.trim();
    }
}
