package app.carnival.errors;

/**
 * A request a protocol defines as malformed (a Webmention without a valid source or target, an
 * XML-RPC call that is no pingback): the protocol's answer is 400, not the 422 of a JSON field
 * the domain refuses.
 */
public final class MalformedRequest extends DomainException {

    public MalformedRequest(String field, String message) {
        super(field + ": " + message);
    }
}
