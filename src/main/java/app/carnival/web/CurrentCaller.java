package app.carnival.web;

import app.carnival.security.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being handled, as {@link CallerFilter} resolved it. */
@RequestScoped
public class CurrentCaller {

    private Caller caller = Caller.anonymous();

    public Caller get() {
        return caller;
    }

    void set(Caller caller) {
        this.caller = caller;
    }
}
