package app.carnival.web;

import app.carnival.limits.ClientKey;
import app.carnival.limits.Limit;
import app.carnival.limits.RateLimits;
import app.carnival.security.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being handled, and its client address, as {@link CallerFilter} resolved them. */
@RequestScoped
public class CurrentCaller {

    private final RateLimits limits;
    private Caller caller = Caller.anonymous();
    private String address;

    public CurrentCaller(RateLimits limits) {
        this.limits = limits;
    }

    public Caller get() {
        return caller;
    }

    /** Counts one request of this client against {@code limit}, or refuses it (429 with Retry-After). */
    public void admit(Limit limit) {
        limits.admit(limit, ClientKey.of(address));
    }

    void set(Caller caller, String address) {
        this.caller = caller;
        this.address = address;
    }
}
