package app.carnival.websub.rules;

import java.util.Optional;

/** The {@code hub.mode} of a request to a hub and of the hub's verification of intent. */
public enum Mode {
    SUBSCRIBE("subscribe"),
    UNSUBSCRIBE("unsubscribe");

    private final String wire;

    Mode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The mode named on the wire; empty for anything else ({@code denied} is not a verification). */
    public static Optional<Mode> of(String wire) {
        for (Mode m : values()) {
            if (m.wire.equals(wire)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
