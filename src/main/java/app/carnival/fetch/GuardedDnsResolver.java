package app.carnival.fetch;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves host names and refuses non-public addresses. The connection manager connects to exactly
 * the addresses returned here, so the check holds at connect time and for every redirect hop: a
 * DNS answer that changes between check and connect cannot slip through.
 */
final class GuardedDnsResolver implements DnsResolver {

    private final DnsResolver dns;
    private final boolean allowPrivateNetworks;
    private final List<Cidr> exceptions;

    GuardedDnsResolver(DnsResolver dns, boolean allowPrivateNetworks, List<Cidr> exceptions) {
        this.dns = dns;
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.exceptions = List.copyOf(exceptions);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = ascii(host);
        InetAddress[] addresses = dns.resolve(name);
        if (allowPrivateNetworks) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            Optional<String> reason = AddressPolicy.whyNotPublic(address);
            if (reason.isPresent() && exceptions.stream().noneMatch(c -> c.contains(address))) {
                throw new AddressNotAllowedException(name, address, reason.get());
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return dns.resolveCanonicalHostname(ascii(host));
    }

    /**
     * DNS knows internationalized names in punycode only, but HttpCore hands over the Unicode form
     * of the punycode host it was given ({@code org.apache.hc.core5.net.Host} decodes it).
     */
    private static String ascii(String host) throws UnknownHostException {
        try {
            return IDN.toASCII(host, 0);
        } catch (IllegalArgumentException e) {
            throw new UnknownHostException(host + ": " + e.getMessage());
        }
    }

    /** Subclass of UnknownHostException so the HTTP client gives up on the host instead of retrying. */
    static final class AddressNotAllowedException extends UnknownHostException {
        AddressNotAllowedException(String host, InetAddress address, String reason) {
            super("address not allowed: " + host + " resolves to " + address.getHostAddress() + ", a " + reason);
        }
    }
}
