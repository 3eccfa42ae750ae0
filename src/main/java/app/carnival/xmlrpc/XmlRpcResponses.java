package app.carnival.xmlrpc;

/** XML-RPC {@code methodResponse} bodies (UTF-8, {@code text/xml}), their text escaped. */
public final class XmlRpcResponses {

    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private XmlRpcResponses() {}

    /** A successful response whose one value is {@code message} (Pingback: a string saying what was done). */
    public static String success(String message) {
        return PROLOG
                + "<methodResponse><params><param><value><string>"
                + escaped(message)
                + "</string></value></param></params></methodResponse>\n";
    }

    /** A fault response ({@link PingbackFault#code()}, {@link XmlRpcException#faultCode()}). */
    public static String fault(int code, String message) {
        return PROLOG
                + "<methodResponse><fault><value><struct>"
                + "<member><name>faultCode</name><value><int>" + code + "</int></value></member>"
                + "<member><name>faultString</name><value><string>" + escaped(message) + "</string></value></member>"
                + "</struct></value></fault></methodResponse>\n";
    }

    /** Markup escaped; characters XML 1.0 cannot carry (controls, lone surrogates) replaced by U+FFFD. */
    private static String escaped(String text) {
        String s = text == null ? "" : text;
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else {
                        out.append(isXmlChar(c) ? c : '\uFFFD');
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean isXmlChar(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
