package app.carnival.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Columns of native query rows, as the driver hands them over. */
final class Rows {

    private Rows() {}

    static long id(Object v) {
        return ((Number) v).longValue();
    }

    static int integer(Object v) {
        return ((Number) v).intValue();
    }

    static Instant instant(Object v) {
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) v).toInstant();
    }
}
