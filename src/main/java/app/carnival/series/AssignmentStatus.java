package app.carnival.series;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/** Where an assignment stands: not open yet, open, closed but taking late entries, or closed. */
public enum AssignmentStatus {
    UPCOMING,
    OPEN,
    GRACE,
    CLOSED;

    public static AssignmentStatus at(Instant now, Instant opensAt, Instant closesAt, Instant graceEndsAt) {
        return now.isBefore(opensAt)
                ? UPCOMING
                : !now.isAfter(closesAt) ? OPEN : !now.isAfter(graceEndsAt) ? GRACE : CLOSED;
    }

    /** Still taking entries, on time or late. */
    public boolean takesEntries() {
        return this == OPEN || this == GRACE;
    }

    /** As the API writes it: {@code upcoming}, {@code open}, {@code grace}, {@code closed}. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
