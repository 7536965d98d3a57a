package dev.orden.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may post: an absolute http(s) URL without credentials whose host resolves only to public
 * addresses — never to this server, its network or the cloud metadata service (SSRF) unless the server allows it
 * ({@code orden.webhooks.allow-private-addresses}). Checked when a webhook is saved and again before each attempt,
 * since what a name resolves to can change.
 */
final class ReceiverUrl {

    static final int MAX_LENGTH = 2000;

    private ReceiverUrl() {}

    /** Why {@code url} cannot be a receiver's address as written, or empty. */
    static Optional<String> malformed(String url) {
        if (url == null || url.isBlank()) return Optional.of("is required");
        if (url.length() > MAX_LENGTH) return Optional.of("must be at most " + MAX_LENGTH + " characters");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL: " + e.getReason());
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) return Optional.of("must be an https or http URL");
        if (uri.getHost() == null || uri.getHost().isBlank()) return Optional.of("must name a host");
        if (uri.getRawUserInfo() != null) return Optional.of("must not carry credentials");
        if (uri.getRawFragment() != null) return Optional.of("must not have a fragment");
        return Optional.empty();
    }

    /**
     * Why a request to {@code url} must not be sent (a malformed URL, a host that does not resolve, an internal
     * address), or empty.
     */
    static Optional<String> refusal(String url, boolean allowPrivate) {
        var malformed = malformed(url);
        if (malformed.isPresent()) return malformed;
        var host = URI.create(url).getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("host '" + host + "' does not resolve");
        }
        if (allowPrivate) return Optional.empty();
        for (var address : addresses) {
            if (isInternal(address)) {
                return Optional.of("host '" + host + "' resolves to " + address.getHostAddress()
                        + ", a loopback, private or link-local address");
            }
        }
        return Optional.empty();
    }

    /** Loopback, unspecified, private (RFC 1918, unique-local), shared (CGNAT), link-local and multicast addresses. */
    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        var bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int a = bytes[0] & 0xff;
            int b = bytes[1] & 0xff;
            return a == 0 || a == 127 || (a == 100 && b >= 64 && b <= 127) || (a == 192 && b == 0 && bytes[2] == 0)
                    || (a == 198 && (b == 18 || b == 19)) || a >= 240;
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) return true; // fc00::/7, unique local
            if (isMapped(bytes)) {
                try {
                    return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    // ::ffff:a.b.c.d, which the JDK does not always turn into an IPv4 address itself.
    private static boolean isMapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) if (bytes[i] != 0) return false;
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}
