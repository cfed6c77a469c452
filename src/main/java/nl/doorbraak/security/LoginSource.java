package nl.doorbraak.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a login comes from, as the throttle counts it: the client's address as Tomcat reports it
 * (behind a trusted proxy the forwarded one, see {@code server.tomcat.remoteip.internal-proxies}).
 * An IPv6 client usually has a whole /64 network to itself, so that network is one source: one
 * party cannot become many by changing the last 64 bits.
 */
final class LoginSource {

    private static final int LONGEST = 64;

    private LoginSource() {
    }

    static String of(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        if (address.indexOf(':') >= 0 && address.chars().allMatch(LoginSource::ipv6Character)) {
            try {
                // a literal with a colon is parsed, never looked up in DNS
                if (InetAddress.getByName(address) instanceof Inet6Address ipv6) {
                    byte[] network = Arrays.copyOf(ipv6.getAddress(), 16);
                    Arrays.fill(network, 8, 16, (byte) 0);
                    return InetAddress.getByAddress(network).getHostAddress() + "/64";
                }
            } catch (UnknownHostException notAnAddress) {
                // counted by its text, like any other odd value a proxy forwarded
            }
        }
        String text = address.strip().toLowerCase(Locale.ROOT);
        return text.length() > LONGEST ? text.substring(0, LONGEST) : text;
    }

    private static boolean ipv6Character(int c) {
        return Character.digit(c, 16) >= 0 || c == ':' || c == '.' || c == '[' || c == ']';
    }
}
