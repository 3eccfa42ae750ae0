package app.carnival.pages;

import app.carnival.security.Caller;
import app.carnival.series.Assignment;
import app.carnival.series.Series;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who the signed-in caller is for a series' host pages: its host (everything), the guest host of
 * some of its assignments (those, and the feeds' health), or nobody. The services check the same
 * tokens again for every action; this only decides what the pages show.
 */
record HostAccess(Caller caller, boolean seriesHost, Set<Integer> guestOf, List<Assignment> assignments) {

    /** A token that signs in as nobody is a wrong token: the caller's guard counts it. */
    static HostAccess of(Series series, List<Assignment> assignments, Caller caller) {
        boolean host = HostSession.isHost(series, caller);
        Set<Integer> guest = host
                ? Set.of()
                : assignments.stream()
                        .filter(a -> a.isGuestHost(caller))
                        .map(a -> a.number)
                        .collect(Collectors.toUnmodifiableSet());
        if (!host && guest.isEmpty()) {
            caller.refused();
        }
        return new HostAccess(caller, host, guest, List.copyOf(assignments));
    }

    /** Signed in as the host or as a guest host. */
    boolean signedIn() {
        return seriesHost || !guestOf.isEmpty();
    }

    /** The series' assignments (read once for the decision) that this caller may host, by number. */
    List<Assignment> hosted() {
        return assignments.stream().filter(this::mayHost).toList();
    }

    boolean mayHost(Assignment a) {
        return seriesHost || guestOf.contains(a.number);
    }
}
