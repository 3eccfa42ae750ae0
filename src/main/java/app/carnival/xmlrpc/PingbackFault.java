package app.carnival.xmlrpc;

/** The fault codes of the Pingback 1.0 specification, for answering a {@code pingback.ping}. */
public enum PingbackFault {
    /** A failure none of the others names. Malformed calls get XML-RPC's own codes instead ({@link XmlRpcException.Kind}). */
    GENERIC(0),
    /** The source URI does not exist (cannot be fetched, or answers an error). */
    SOURCE_NOT_FOUND(0x0010),
    /** The source does not link to the target. */
    NO_LINK(0x0011),
    /** The target URI does not exist. */
    TARGET_NOT_FOUND(0x0020),
    /** The target exists but cannot be used as a target (not an assignment of Carnival's). */
    TARGET_NOT_USABLE(0x0021),
    /** This pingback has already been registered. */
    ALREADY_REGISTERED(0x0030);

    private final int code;

    PingbackFault(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
