package app.carnival.xmlrpc;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A Pingback 1.0 {@code pingback.ping(sourceURI, targetURI)} XML-RPC call, as WordPress sends it.
 * Only its form is checked here; whether the URIs name a post and an assignment is the caller's.
 *
 * @param sourceUri the pinging post, stripped, never blank
 * @param targetUri the page it links to, stripped, never blank
 */
public record PingbackCall(String sourceUri, String targetUri) {

    /** A pingback call is a few hundred bytes; WordPress' own server refuses far less than this. */
    public static final int MAX_BODY = 64 * 1024;

    private static final String METHOD = "pingback.ping";
    private static final int MAX_QUOTED = 100;

    /**
     * @param body the request body as received
     * @throws XmlRpcException when the body is not well-formed XML without a DOCTYPE, not a
     *                         {@code methodCall}, calls another method, or does not pass exactly
     *                         two non-blank strings
     */
    public static PingbackCall parse(byte[] body) throws XmlRpcException {
        if (body == null || body.length == 0) {
            throw new XmlRpcException(XmlRpcException.Kind.NOT_WELL_FORMED, "parse error: empty request");
        }
        if (body.length > MAX_BODY) {
            throw new XmlRpcException(
                    XmlRpcException.Kind.NOT_A_CALL,
                    "request of " + body.length + " bytes is too large for a pingback");
        }
        Document doc = SafeXml.parse(body);
        Element call = doc.getDocumentElement();
        if (!call.getTagName().equals("methodCall")) {
            throw new XmlRpcException(
                    XmlRpcException.Kind.NOT_A_CALL, "invalid XML-RPC: the request must be a methodCall");
        }
        List<Element> parts = children(call);
        if (parts.isEmpty() || !parts.get(0).getTagName().equals("methodName")) {
            throw new XmlRpcException(
                    XmlRpcException.Kind.NOT_A_CALL, "invalid XML-RPC: the methodCall has no methodName");
        }
        String method = parts.get(0).getTextContent().strip();
        if (!method.equals(METHOD)) {
            throw new XmlRpcException(
                    XmlRpcException.Kind.UNKNOWN_METHOD, "requested method " + quoted(method) + " does not exist");
        }
        List<Element> params =
                parts.size() == 2 && parts.get(1).getTagName().equals("params") ? children(parts.get(1)) : List.of();
        if (params.size() != 2 || params.stream().anyMatch(p -> !p.getTagName().equals("param"))) {
            throw new XmlRpcException(
                    XmlRpcException.Kind.BAD_PARAMETERS, METHOD + " takes two parameters, sourceURI and targetURI");
        }
        return new PingbackCall(string(params.get(0), "sourceURI"), string(params.get(1), "targetURI"));
    }

    /** A param's value: a {@code <string>}, or a {@code <value>} with text only (XML-RPC's default type). */
    private static String string(Element param, String name) throws XmlRpcException {
        List<Element> value = children(param);
        List<Element> typed =
                value.size() == 1 && value.get(0).getTagName().equals("value") ? children(value.get(0)) : null;
        boolean isString = typed != null
                && (typed.isEmpty()
                        || typed.size() == 1
                                && typed.get(0).getTagName().equals("string")
                                && children(typed.get(0)).isEmpty());
        String text = isString ? value.get(0).getTextContent().strip() : "";
        if (text.isEmpty()) {
            throw new XmlRpcException(XmlRpcException.Kind.BAD_PARAMETERS, name + " must be a non-empty string");
        }
        return text;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    private static String quoted(String text) {
        return "'" + (text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text) + "'";
    }
}
