package app.carnival.announce.rules;

/** What one attempt to send a Webmention came to. */
public sealed interface Delivery {

    /** The endpoint answered 2xx (202 Accepted, 201 Created with a status page, or 200). */
    record Sent(String endpoint, int status) implements Delivery {}

    /** The post (after redirects) names no endpoint in its {@code Link} headers or its HTML. */
    record NoEndpoint() implements Delivery {}

    /**
     * No success. {@code reason} is shown to the host as is, in plain words; {@code mayPassLater} says
     * whether trying again can help (5xx, timeouts, connection errors) or not (4xx, refused addresses,
     * redirect loops). {@code endpoint} and {@code status} when known, else null.
     */
    record Failed(String reason, boolean mayPassLater, String endpoint, Integer status) implements Delivery {}
}
