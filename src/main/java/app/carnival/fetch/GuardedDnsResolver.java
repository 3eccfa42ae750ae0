package app.carnival.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves host names and refuses non-public addresses. The connection manager connects to exactly
 * the addresses returned here, so the check holds at connect time and for every redirect hop: a
 * DNS answer that changes between check and connect cannot slip through.
 */
final class GuardedDnsResolver implements DnsResolver {

    private final boolean allowPrivateNetworks;

    GuardedDnsResolver(boolean allowPrivateNetworks) {
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
        if (allowPrivateNetworks) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            Optional<String> reason = AddressPolicy.whyNotPublic(address);
            if (reason.isPresent()) {
                throw new AddressNotAllowedException(host, address, reason.get());
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }

    /** Subclass of UnknownHostException so the HTTP client gives up on the host instead of retrying. */
    static final class AddressNotAllowedException extends UnknownHostException {
        AddressNotAllowedException(String host, InetAddress address, String reason) {
            super("address not allowed: " + host + " resolves to " + address.getHostAddress() + ", a " + reason);
        }
    }
}
