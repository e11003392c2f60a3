package io.ainstruct.application.access;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The key rate limits count against, for every HTTP entry point alike. By default the TCP peer: forwarded headers
 * are not trusted, since any client can set them. Behind a proxy whose header is configured, the last entry of the
 * header's last line counts: the one the trusted proxy itself appended (a client may send lines of its own before
 * it). IPv6 addresses count by their /64, the block one subscriber gets, so that a client cannot take a fresh
 * address for every attempt.
 */
public final class ForwardedFor {
    // What a header may name is the attacker's choice: keys stay short, and only literals are read as addresses.
    private static final int MAX_KEY_LENGTH = 64;
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private ForwardedFor() {
    }

    /** {@code trustedHeaderLines} is empty when no header is configured or the request carries none. */
    public static String client(List<String> trustedHeaderLines, String peer) {
        for (int line = trustedHeaderLines.size() - 1; line >= 0; line--) {
            String[] hops = trustedHeaderLines.get(line).split(",");
            for (int hop = hops.length - 1; hop >= 0; hop--) {
                if (!hops[hop].isBlank()) {
                    return key(hops[hop].trim());
                }
            }
        }
        return key(peer);
    }

    private static String key(String address) {
        String bare = address.startsWith("[") && address.indexOf(']') > 0 ? address.substring(1, address.indexOf(']')) : address;
        // A literal with a colon is parsed, never looked up: the JDK refuses an invalid IPv6 literal without DNS.
        if (bare.indexOf(':') >= 0 && IPV6_LITERAL.matcher(bare).matches()) {
            try {
                InetAddress parsed = InetAddress.getByName(bare);
                if (parsed instanceof Inet6Address) {
                    byte[] block = parsed.getAddress();
                    Arrays.fill(block, 8, 16, (byte) 0);
                    return InetAddress.getByAddress(block).getHostAddress() + "/64";
                }
                // ::ffff:192.0.2.1 is an IPv4 client.
                return parsed.getHostAddress();
            } catch (UnknownHostException notAnAddress) {
                // Not an address: counted by its text like any other name.
            }
        }
        return address.length() > MAX_KEY_LENGTH ? address.substring(0, MAX_KEY_LENGTH) : address;
    }
}
