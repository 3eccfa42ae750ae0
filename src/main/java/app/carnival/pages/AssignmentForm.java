package app.carnival.pages;

import app.carnival.matching.MatchRule;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The "Plan an assignment" and "Edit" form as typed: every field of the API, the window as local
 * date-times in a chosen IANA zone, aliases and questions one per line. {@link #toRequest} reads it
 * into the API's request, putting what cannot be read at its field.
 */
record AssignmentForm(
        String number,
        String title,
        String invitationUrl,
        String aliasUrls,
        String questions,
        String opens,
        String closes,
        String timezone,
        String graceMinutes,
        String matchRule,
        String hashtag,
        String roundupIntro,
        String guestName,
        String guestUrl) {

    /** What {@code <input type="datetime-local">} sends and shows: minutes, no zone. */
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** The form of a new assignment: next number, the zone the series used last, a week's window starting next month. */
    static AssignmentForm blank(int nextNumber, String zone, Instant now) {
        LocalDateTime opens = now.atZone(ZoneId.of(zone))
                .toLocalDate()
                .plusMonths(1)
                .withDayOfMonth(1)
                .atTime(9, 0);
        return new AssignmentForm(
                String.valueOf(nextNumber),
                "",
                "",
                "",
                "",
                LOCAL.format(opens),
                LOCAL.format(opens.plusDays(7)),
                zone,
                "0",
                MatchRule.LINK_OR_TAG.name(),
                "",
                "",
                "",
                "");
    }

    static AssignmentForm of(Assignment a) {
        ZoneId zone = ZoneId.of(a.timezone);
        return new AssignmentForm(
                String.valueOf(a.number),
                orEmpty(a.title),
                orEmpty(a.invitationUrl),
                String.join("\n", a.aliasUrls),
                String.join("\n", a.questions),
                LOCAL.format(a.opensAt.atZone(zone).truncatedTo(ChronoUnit.MINUTES)),
                LOCAL.format(a.closesAt.atZone(zone).truncatedTo(ChronoUnit.MINUTES)),
                a.timezone,
                String.valueOf(a.graceMinutes),
                a.matchRule.name(),
                orEmpty(a.hashtag),
                orEmpty(a.roundupIntro),
                orEmpty(a.guestHostName),
                orEmpty(a.guestHostUrl));
    }

    /**
     * The request this form asks for; fields it cannot read are put in {@code errors} (by form field)
     * and left null, so the API's own validation reports the rest.
     *
     * @param kept for a guest host: the request whose number, rule, hashtag and guest host are kept
     */
    AssignmentRequest toRequest(Map<String, String> errors, AssignmentRequest kept) {
        ZoneId zone = zone(errors);
        return new AssignmentRequest(
                kept != null ? kept.number() : integer("number", number, errors),
                blankToNull(title),
                blankToNull(invitationUrl),
                lines(aliasUrls),
                lines(questions),
                zone == null ? null : time("opens", opens, zone, errors),
                zone == null ? null : time("closes", closes, zone, errors),
                zone == null ? timezone : zone.getId(),
                integer("graceMinutes", graceMinutes, errors),
                kept != null ? kept.matchRule() : rule(errors),
                kept != null ? kept.hashtag() : blankToNull(hashtag),
                roundupIntro == null ? "" : roundupIntro.replace("\r\n", "\n"),
                kept != null
                        ? kept.guestHost()
                        : blankToNull(guestName) == null && blankToNull(guestUrl) == null
                                ? null
                                : new AssignmentRequest.GuestHost(blankToNull(guestName), blankToNull(guestUrl)));
    }

    /** The form field of an API field ("guestHost.name" → "guestName", "aliasUrls[2].<list element>" → "aliasUrls"). */
    static String fieldOf(String apiField) {
        String base = apiField.replaceAll("\\[.*$", "");
        return switch (base) {
            case "opensAt" -> "opens";
            case "closesAt" -> "closes";
            case "guestHost.name", "guestHost" -> "guestName";
            case "guestHost.blogUrl" -> "guestUrl";
            default -> base;
        };
    }

    /** Every IANA zone, for the zone picker. */
    static List<String> zones() {
        return ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") || z.equals("UTC"))
                .filter(z -> !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                .sorted()
                .toList();
    }

    private ZoneId zone(Map<String, String> errors) {
        try {
            return ZoneId.of(timezone == null || timezone.isBlank() ? "UTC" : timezone.trim());
        } catch (DateTimeException e) {
            errors.put("timezone", "is not a time zone Carnival knows; choose one from the list");
            return null;
        }
    }

    private static OffsetDateTime time(String field, String value, ZoneId zone, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "is required: a date and a time");
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date and time such as 2025-03-01T09:00");
            return null;
        }
    }

    private static Integer integer(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            errors.put(field, "must be a whole number");
            return null;
        }
    }

    private MatchRule rule(Map<String, String> errors) {
        try {
            return matchRule == null || matchRule.isBlank() ? MatchRule.LINK_OR_TAG : MatchRule.valueOf(matchRule);
        } catch (IllegalArgumentException e) {
            errors.put("matchRule", "choose one of the rules");
            return null;
        }
    }

    private static List<String> lines(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("\\R"))
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
