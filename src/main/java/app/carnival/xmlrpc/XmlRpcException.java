package app.carnival.xmlrpc;

/**
 * An XML-RPC request that cannot be answered as a call: its message is fit for the caller, and its
 * {@link Kind} gives the fault code to answer with.
 */
public final class XmlRpcException extends Exception {

    /**
     * What is wrong with the request, with the fault codes of the XML-RPC "specification for fault
     * code interoperability", which WordPress' own XML-RPC server answers with too.
     */
    public enum Kind {
        NOT_WELL_FORMED(-32700),
        NOT_A_CALL(-32600),
        UNKNOWN_METHOD(-32601),
        BAD_PARAMETERS(-32602);

        private final int faultCode;

        Kind(int faultCode) {
            this.faultCode = faultCode;
        }

        public int faultCode() {
            return faultCode;
        }
    }

    private final Kind kind;

    public XmlRpcException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The code a fault response to this request carries. */
    public int faultCode() {
        return kind.faultCode();
    }
}
