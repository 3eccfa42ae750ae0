package app.carnival.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientKeyTest {

    @ParameterizedTest
    @CsvSource({
        "203.0.113.7, 203.0.113.7",
        "' 203.0.113.7 ', 203.0.113.7",
        "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:0:0:0:0/64",
        "2001:db8:1:2:ffff:ffff:ffff:ffff, 2001:db8:1:2:0:0:0:0/64",
        "[2001:db8:1:2::9], 2001:db8:1:2:0:0:0:0/64",
        "fe80::1%eth0, fe80:0:0:0:0:0:0:0/64",
        "::ffff:203.0.113.7, 203.0.113.7",
        "::1, 0:0:0:0:0:0:0:0/64"
    })
    void anIpv4AddressCountsAloneAnIpv6AddressByItsSlash64(String address, String key) {
        assertThat(ClientKey.of(address)).isEqualTo(key);
    }

    /** Anything but an IP literal is one client, and is never looked up (a name would mean DNS). */
    @ParameterizedTest
    @CsvSource({"example.com", "999.1.1.1", "1.2.3", "localhost", "'2001:db8::g'", "''"})
    void anythingElseIsUnknown(String address) {
        assertThat(ClientKey.of(address)).isEqualTo("unknown");
    }

    @Test
    void noAddressIsUnknown() {
        assertThat(ClientKey.of(null)).isEqualTo("unknown");
    }
}
