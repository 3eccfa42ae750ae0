package app.carnival.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate limit: at most {@code requests} at once, then one more every {@code period / requests}.
 * Written {@code 10/1h} in configuration (units s, m, h, d).
 */
public record Rate(int requests, Duration period) {

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*([smhd])\\s*");

    public Rate {
        if (requests < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate needs at least one request in a positive period");
        }
    }

    /** The time one request uses up; the limit refills one request per interval. */
    public Duration interval() {
        return period.dividedBy(requests);
    }

    /** SmallRye Config converts settings through this method. */
    public static Rate parse(CharSequence text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate such as 10/1h (units s, m, h, d)");
        }
        long amount = Long.parseLong(m.group(2));
        Duration period = switch (m.group(3)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        return new Rate(Integer.parseInt(m.group(1)), period);
    }

    @Override
    public String toString() {
        return requests + "/" + period.toSeconds() + "s";
    }
}
