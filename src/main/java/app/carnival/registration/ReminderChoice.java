package app.carnival.registration;

import app.carnival.errors.InvalidInput;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A registration's wish for reminders: the address (or none) and the zone to time them in. Refuses an
 * address when the instance sends no mail (no SMTP host configured): taking it would promise mails
 * that never come.
 */
record ReminderChoice(String email, String timeZone) {

    /** One @, something on each side, a dot in the domain, no spaces: what a mail can be sent to. */
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    static final String NOT_AN_ADDRESS = "must be an e-mail address such as name@example.org";

    static final String NO_MAIL = "can not be used: this Carnival sends no e-mail (no SMTP server is configured)";

    static ReminderChoice of(String email, String timeZone, boolean mailEnabled) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        String address = email == null || email.isBlank() ? null : email.trim();
        if (address != null && !mailEnabled) {
            errors.add(new InvalidInput.FieldError("email", NO_MAIL));
        } else if (address != null
                && (address.length() > 254 || !EMAIL.matcher(address).matches())) {
            errors.add(new InvalidInput.FieldError("email", NOT_AN_ADDRESS));
        }
        String zone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.trim();
        if (!isZone(zone)) {
            errors.add(new InvalidInput.FieldError(
                    "timeZone", "must be an IANA time zone such as Europe/Paris or America/New_York"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        // The domain part of an address is case-insensitive; the local part is kept as typed.
        return new ReminderChoice(address == null ? null : lowerDomain(address), zone);
    }

    static boolean isZone(String zone) {
        return "UTC".equals(zone) || ZoneId.getAvailableZoneIds().contains(zone);
    }

    private static String lowerDomain(String address) {
        int at = address.lastIndexOf('@');
        return address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
