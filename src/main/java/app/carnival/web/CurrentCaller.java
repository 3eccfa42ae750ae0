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
    private WrongTokens wrongTokens;

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

    /** The caller presenting {@code token} (null: none), its wrong tokens counted against {@code address}. */
    void set(String token, String address) {
        this.address = address;
        this.wrongTokens = new WrongTokens(limits, address);
        this.caller = Caller.withToken(token, wrongTokens);
    }

    /** Counts the wrong token the request presented, if it did; at its end, outside its transactions. */
    void countWrongToken() {
        if (wrongTokens != null) {
            wrongTokens.countRefusal();
        }
    }
}
