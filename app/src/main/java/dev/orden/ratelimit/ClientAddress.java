package dev.orden.ratelimit;

/**
 * The key of a client address: the IPv4 address, or the /64 network of an IPv6 one (one subscriber usually holds a
 * whole /64, so counting single IPv6 addresses would let one client take a fresh address per request).
 */
final class ClientAddress {

    private ClientAddress() {}

    static String key(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) return "unknown";
        var address = remoteAddress.strip();
        if (address.startsWith("[") && address.endsWith("]")) address = address.substring(1, address.length() - 1);
        if (!address.contains(":")) return address;
        try {
            var bytes = java.net.InetAddress.ofLiteral(address).getAddress();
            if (bytes.length == 4) return java.net.InetAddress.getByAddress(bytes).getHostAddress();
            var prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            return address;
        }
    }
}
