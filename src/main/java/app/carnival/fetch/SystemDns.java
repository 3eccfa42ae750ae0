package app.carnival.fetch;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/** Where the fetcher looks host names up: the system's resolver. Tests put a resolver of their own in its place. */
@ApplicationScoped
class SystemDns {

    @Produces
    @DefaultBean
    @Singleton
    DnsResolver dns() {
        return SystemDefaultDnsResolver.INSTANCE;
    }
}
