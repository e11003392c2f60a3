package io.ainstruct.application.access;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardedForTest {
    private static final String PEER = "203.0.113.9";

    @Test
    void withoutATrustedHeaderThePeerCounts() {
        assertThat(ForwardedFor.client(List.of(), PEER)).isEqualTo(PEER);
    }

    @Test
    void theLastEntryOfTheLastLineIsTheOneTheProxyAppended() {
        assertThat(ForwardedFor.client(List.of("198.51.100.7, 192.0.2.1"), PEER)).isEqualTo("192.0.2.1");
        // A client's own line first, the proxy's line last: the client's claim is never read.
        assertThat(ForwardedFor.client(List.of("10.0.0.1", "198.51.100.7"), PEER)).isEqualTo("198.51.100.7");
        assertThat(ForwardedFor.client(List.of("10.0.0.1, 10.0.0.2", "198.51.100.7 , "), PEER)).isEqualTo("198.51.100.7");
        assertThat(ForwardedFor.client(List.of(" ", ""), PEER)).isEqualTo(PEER);
    }

    @Test
    void ipv6ClientsCountByTheirSlash64() {
        String first = ForwardedFor.client(List.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), PEER);
        String sameBlock = ForwardedFor.client(List.of("2001:db8:1:2::1"), PEER);
        String bracketed = ForwardedFor.client(List.of("[2001:DB8:1:2::ffff]:443"), PEER);
        String otherBlock = ForwardedFor.client(List.of("2001:db8:1:3::1"), PEER);

        assertThat(first).isEqualTo(sameBlock).isEqualTo(bracketed).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(otherBlock).isNotEqualTo(first);
        assertThat(ForwardedFor.client(List.of(), "0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0:0:0:0:0/64");
    }

    @Test
    void anIpv4AddressWrittenAsIpv6IsTheIpv4Client() {
        assertThat(ForwardedFor.client(List.of("::ffff:192.0.2.1"), PEER)).isEqualTo("192.0.2.1");
    }

    @Test
    void anythingElseCountsByItsTextCutShortAndIsNeverLookedUp() {
        assertThat(ForwardedFor.client(List.of("unknown"), PEER)).isEqualTo("unknown");
        assertThat(ForwardedFor.client(List.of("::::::zz"), PEER)).isEqualTo("::::::zz");
        assertThat(ForwardedFor.client(List.of("x".repeat(10_000)), PEER)).hasSize(64);
    }
}
