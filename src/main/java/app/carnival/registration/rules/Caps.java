package app.carnival.registration.rules;

import java.util.Optional;

/**
 * The caps on a series' registrations: participants in all, and participants whose feeds are on one
 * host name. The counts are taken before the new participant is added, pending ones included.
 *
 * @param perSeries   participants of one series at most
 * @param perFeedHost participants of one series at most whose feeds are on one host name
 */
public record Caps(int perSeries, int perFeedHost) {

    public Caps {
        if (perSeries < 1 || perFeedHost < 1) {
            throw new IllegalArgumentException("caps are at least 1: " + perSeries + ", " + perFeedHost);
        }
    }

    /**
     * Why one more registration is refused, in words naming the limit, or empty when it fits.
     *
     * @param participants the series' participants now
     * @param feedHost     the host name of the new participant's feed
     * @param onFeedHost   the series' participants whose feeds are on that host now
     */
    public Optional<String> refusal(String slug, long participants, String feedHost, long onFeedHost) {
        if (participants >= perSeries) {
            return Optional.of("Series '" + slug + "' is full: it has reached the limit of " + perSeries
                    + " participants per series, so no more blogs can register.");
        }
        if (onFeedHost >= perFeedHost) {
            return Optional.of("Series '" + slug + "' already has " + onFeedHost + " feeds on " + feedHost
                    + ", the limit of " + perFeedHost + " feeds per host name in one series, so no more feeds on "
                    + feedHost + " can register.");
        }
        return Optional.empty();
    }
}
