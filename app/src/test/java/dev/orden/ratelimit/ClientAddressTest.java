package dev.orden.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void anIpv4AddressIsItsOwnKey() {
        assertEquals("127.0.3.7", ClientAddress.key("127.0.3.7"));
        assertEquals("192.0.2.1", ClientAddress.key("::ffff:192.0.2.1"), "an IPv4-mapped address is the IPv4 one");
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareAKey() {
        var one = ClientAddress.key("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        assertEquals("2001:db8:1:2::/64", one);
        assertEquals(one, ClientAddress.key("2001:0db8:0001:0002:0:0:0:1"));
        assertEquals(one, ClientAddress.key("[2001:db8:1:2::ffff]"));
        assertEquals("2001:db8:1:3::/64", ClientAddress.key("2001:db8:1:3::1"));
    }

    @Test
    void anUnknownAddressIsOneKeyRatherThanNone() {
        assertEquals("unknown", ClientAddress.key(null));
        assertEquals("unknown", ClientAddress.key(" "));
    }
}
