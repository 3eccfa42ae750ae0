package app.carnival.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Whom a limit counts: an IPv4 address, or an IPv6 address's /64 (one subscriber usually holds a
 * whole /64 and could otherwise take a fresh address for every request).
 */
public final class ClientKey {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ClientKey() {}

    /**
     * The key of a peer address as the HTTP server reports it. Only IP literals are parsed (never a
     * name, which would mean a DNS lookup); anything else counts as one client, "unknown".
     */
    public static String of(String address) {
        String literal = address == null ? "" : address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (IPV4.matcher(literal).matches()) {
            return literal;
        }
        if (!IPV6.matcher(literal).matches()) {
            return "unknown";
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress(); // a literal with ':' is never looked up
            if (bytes.length == 4) { // an IPv4-mapped IPv6 address
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            return InetAddress.getByAddress(Arrays.copyOf(Arrays.copyOf(bytes, 8), 16))
                            .getHostAddress()
                    + "/64";
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
