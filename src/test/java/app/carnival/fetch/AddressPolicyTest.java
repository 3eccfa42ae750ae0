package app.carnival.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    @ParameterizedTest(name = "{0} is not public: {1}")
    @CsvSource({
        "127.0.0.1, loopback",
        "127.255.255.254, loopback",
        "10.0.0.1, private",
        "172.16.0.1, private",
        "172.31.255.255, private",
        "192.168.1.1, private",
        "169.254.169.254, link-local",
        "100.64.0.1, carrier-grade NAT",
        "100.127.255.255, carrier-grade NAT",
        "0.0.0.0, unspecified",
        "224.0.0.1, multicast",
        "239.255.255.250, multicast",
        "255.255.255.255, reserved",
        "240.0.0.1, reserved",
        "192.0.2.1, reserved",
        "198.18.0.1, reserved",
        "::1, loopback",
        "::, unspecified",
        "fe80::1, link-local",
        "fc00::1, unique-local",
        "fd12:3456::1, unique-local",
        "ff02::1, multicast",
        "2001:db8::1, documentation",
        "::ffff:127.0.0.1, loopback",
        "::ffff:10.0.0.1, private",
        "::ffff:169.254.169.254, link-local",
        "64:ff9b::7f00:1, loopback",
        "64:ff9b::a00:1, private",
        "2002:7f00:1::, loopback",
        "2002:c0a8:101::1, private",
        "::127.0.0.1, loopback",
    })
    void nonPublic(String address, String reason) throws Exception {
        assertThat(AddressPolicy.whyNotPublic(InetAddress.getByName(address)))
                .hasValueSatisfying(r -> assertThat(r).contains(reason));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.216.34",
                "8.8.8.8",
                "1.1.1.1",
                "172.32.0.1",
                "100.128.0.1",
                "192.169.0.1",
                "2606:4700:4700::1111",
                "2a00:1450:4001:80b::200e",
                "64:ff9b::808:808",
                "2002:808:808::1"
            })
    void publicAddresses(String address) throws Exception {
        assertThat(AddressPolicy.whyNotPublic(InetAddress.getByName(address))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8, 10.255.1.2, true",
        "10.0.0.0/8, 11.0.0.1, false",
        "127.0.0.1/32, 127.0.0.1, true",
        "127.0.0.1/32, 127.0.0.2, false",
        "127.0.0.1, 127.0.0.1, true",
        "172.16.0.0/12, 172.31.0.1, true",
        "172.16.0.0/12, 172.32.0.1, false",
        "fd00::/8, fd12::1, true",
        "fd00::/8, ::1, false",
        "10.0.0.0/8, ::1, false",
    })
    void cidrBlocks(String block, String address, boolean inside) throws Exception {
        assertThat(Cidr.parse(block).contains(InetAddress.getByName(address))).isEqualTo(inside);
    }
}
