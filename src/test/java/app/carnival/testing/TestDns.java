package app.carnival.testing;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.core5.net.InetAddressUtils;

/**
 * The only DNS the tests have. It knows a few names of the tests' own, all on loopback, takes IP
 * literals as they are, and refuses every other name at once as unknown: it never asks the system's
 * resolver, so no test can look a real name up. It replaces the service's resolver in every Quarkus
 * test (any bean of this type wins over the default one); unit tests hand it to the fetcher. It
 * records each name it was asked for, so a test can see that a lookup came here.
 */
@ApplicationScoped
public class TestDns implements DnsResolver {

    /** Names that resolve, to 127.0.0.1, for feeds a {@link FeedServer} serves under a name rather than an address. */
    public static final Set<String> LOOPBACK_NAMES = Set.of("feeds.carnival.test", "blog.carnival.test");

    private static final Pattern DECIMAL_IPV4 = Pattern.compile("\\d{1,10}");
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final Set<String> asked = ConcurrentHashMap.newKeySet();

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        asked.add(name.toLowerCase(Locale.ROOT));
        if (isLiteral(name)) {
            // A literal is parsed, not looked up: the checks above leave InetAddress nothing to resolve.
            return new InetAddress[] {InetAddress.getByName(name)};
        }
        if (DECIMAL_IPV4.matcher(name).matches() && Long.parseLong(name) <= 0xFFFF_FFFFL) {
            long n = Long.parseLong(name); // "2130706433", the one-number form of 127.0.0.1
            return new InetAddress[] {
                InetAddress.getByAddress(
                        name, new byte[] {(byte) (n >> 24), (byte) (n >> 16), (byte) (n >> 8), (byte) n})
            };
        }
        if (LOOPBACK_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            return new InetAddress[] {InetAddress.getByAddress(name, LOOPBACK)};
        }
        throw new UnknownHostException(name + ": no such host in the tests' DNS (tests resolve no real name)");
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        resolve(host);
        return host;
    }

    /** Every name (and literal) asked for so far, lower-cased. */
    public Set<String> asked() {
        return Set.copyOf(asked);
    }

    private static boolean isLiteral(String name) {
        return InetAddressUtils.isIPv4(name)
                || InetAddressUtils.isIPv6(name)
                || InetAddressUtils.isIPv4MappedIPv6(name);
    }
}
