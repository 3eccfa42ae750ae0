package app.carnival.url;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The links of HTTP {@code Link} headers (RFC 8288) whose {@code rel} includes a given relation type. */
public final class LinkHeaders {

    private LinkHeaders() {}

    /** The URI references, unresolved, of every link with relation {@code rel} in the headers, in order. */
    public static List<String> withRel(List<String> headers, String rel) {
        List<String> found = new ArrayList<>();
        for (String header : headers) {
            found.addAll(withRel(header, rel));
        }
        return found;
    }

    /** The URI references of one {@code Link} header's values whose rel includes {@code rel}. */
    public static List<String> withRel(String header, String rel) {
        List<String> found = new ArrayList<>();
        int i = 0;
        int n = header.length();
        while (i < n) {
            int open = header.indexOf('<', i);
            int close = open < 0 ? -1 : header.indexOf('>', open);
            if (close < 0) {
                break;
            }
            String target = header.substring(open + 1, close).trim();
            i = close + 1;
            boolean wanted = false;
            // The link's parameters, up to the comma that starts the next link (outside quotes).
            while (i < n && header.charAt(i) != ',') {
                if (header.charAt(i) != ';') {
                    i++;
                    continue;
                }
                int nameStart = ++i;
                while (i < n && "=;,".indexOf(header.charAt(i)) < 0) {
                    i++;
                }
                String name = header.substring(nameStart, i).trim();
                String value = "";
                if (i < n && header.charAt(i) == '=') {
                    i++;
                    while (i < n && header.charAt(i) == ' ') {
                        i++;
                    }
                    StringBuilder v = new StringBuilder();
                    if (i < n && header.charAt(i) == '"') {
                        i++;
                        while (i < n && header.charAt(i) != '"') {
                            if (header.charAt(i) == '\\' && i + 1 < n) {
                                i++;
                            }
                            v.append(header.charAt(i++));
                        }
                        i++; // the closing quote
                    } else {
                        while (i < n && ";,".indexOf(header.charAt(i)) < 0) {
                            v.append(header.charAt(i++));
                        }
                    }
                    value = v.toString().trim();
                }
                if (name.equalsIgnoreCase("rel") && hasRel(value, rel)) {
                    wanted = true;
                }
            }
            if (wanted) {
                found.add(target);
            }
        }
        return found;
    }

    /** Whether a space-separated rel value (of a header or an HTML element) includes {@code rel}, ignoring case. */
    public static boolean hasRel(String rels, String rel) {
        return Arrays.stream(rels.trim().split("\\s+"))
                .anyMatch(r -> r.toLowerCase(Locale.ROOT).equals(rel));
    }
}
