package app.carnival.feed.poll;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Stream;

/** What one poll of one feed came to, as poll-now reports it. */
public enum PollResult {
    UPDATED("updated"),
    NOT_MODIFIED("not-modified"),
    ERROR("error"),
    PAUSED("paused"),
    /** Another poll holds the feed right now. */
    BUSY("busy");

    private final String wire;

    PollResult(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** The results polls are counted under ({@code carnival_polls_total{result}}): all but {@link #BUSY}, no poll. */
    public static Stream<String> counted() {
        return Arrays.stream(values()).filter(r -> r != BUSY).map(PollResult::wire);
    }
}
