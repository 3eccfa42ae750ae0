package app.carnival.fetch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The SSRF rule: which addresses the fetcher may connect to. Only globally routable unicast
 * addresses are public; IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4, compatible)
 * are judged by the embedded address.
 */
public final class AddressPolicy {

    private AddressPolicy() {}

    /** Why the address is not public, or empty when it is. */
    public static Optional<String> whyNotPublic(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return whyNotPublicV4(v4.getAddress());
        }
        byte[] b = address.getAddress();
        Optional<byte[]> embedded = embeddedIpv4(b);
        if (embedded.isPresent()) {
            return whyNotPublicV4(embedded.get()).map(r -> r + " (embedded in an IPv6 address)");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local address");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("site-local address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast address");
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("unique-local address");
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Optional.of("documentation address");
        }
        return Optional.empty();
    }

    private static Optional<String> whyNotPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0) {
            return Optional.of("unspecified address");
        }
        if (a0 == 127) {
            return Optional.of("loopback address");
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            return Optional.of("private address");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("link-local address");
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return Optional.of("carrier-grade NAT address");
        }
        if (a0 >= 224 && a0 <= 239) {
            return Optional.of("multicast address");
        }
        if (a0 >= 240) {
            return Optional.of("reserved address");
        }
        if ((a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2))
                || (a0 == 198 && (a1 == 18 || a1 == 19))
                || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return Optional.of("reserved address");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) and 6to4 (2002::/16) forms. */
    private static Optional<byte[]> embeddedIpv4(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        boolean mapped = firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = firstTenZero && b[10] == 0 && b[11] == 0 && !(allZero(b, 12, 15) || isV6Loopback(b));
        boolean nat64 = (b[0] & 0xff) == 0x00
                && (b[1] & 0xff) == 0x64
                && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 11);
        if (mapped || compatible || nat64) {
            return Optional.of(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Optional.of(new byte[] {b[2], b[3], b[4], b[5]});
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isV6Loopback(byte[] b) {
        return allZero(b, 0, 14) && b[15] == 1;
    }
}
