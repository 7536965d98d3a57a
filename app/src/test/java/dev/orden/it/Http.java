package dev.orden.it;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;

/** HTTP clients; one bound to another loopback address gives a test its own client address on the server. */
final class Http {

    static final HttpClient DEFAULT = newClient(null);

    private Http() {}

    static HttpClient newClient(InetAddress localAddress) {
        var builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (localAddress != null) builder.localAddress(localAddress);
        return builder.build();
    }

    /** A client whose connections come from {@code 127.0.<third>.<fourth>} (all of 127/8 is loopback). */
    static HttpClient fromLoopback(int third, int fourth) {
        try {
            return newClient(InetAddress.getByName("127.0." + third + "." + fourth));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
