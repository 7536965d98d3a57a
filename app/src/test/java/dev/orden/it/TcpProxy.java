package dev.orden.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on a fixed loopback port, in the test JVM, standing for the network path to a dependency: while
 * started it forwards every connection to {@code target}; {@link #stop()} closes the listener and every open
 * connection, so that new connections are refused as if the dependency were down; {@link #start()} listens on the
 * same port again.
 */
final class TcpProxy implements AutoCloseable {

    private final int port;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile ServerSocket listener;

    /** A proxy to {@code targetHost:targetPort} on a free port, not yet started. */
    TcpProxy(String targetHost, int targetPort) {
        this.target = new InetSocketAddress(targetHost, targetPort);
        try (var probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** Connections accepted since this proxy was made. */
    int accepted() {
        return accepted.get();
    }

    synchronized TcpProxy start() {
        if (listener != null) return this;
        try {
            var socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port, e);
        }
        Thread.ofVirtual().name("tcp-proxy-" + port).start(() -> acceptLoop(listener));
        return this;
    }

    /** Closes the listener and every connection: from now on, connecting is refused. */
    synchronized void stop() {
        var socket = listener;
        listener = null;
        closeQuietly(socket);
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            open.add(client);
            Thread.ofVirtual().start(() -> forward(client));
        }
    }

    private void forward(Socket client) {
        var upstream = new Socket();
        open.add(upstream);
        try {
            upstream.connect(target, 2000);
            var back = Thread.ofVirtual().start(() -> pump(upstream, client));
            pump(client, upstream);
            back.join();
        } catch (IOException | InterruptedException e) {
            // The dependency or the client went away: the connection ends like a dropped one.
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
            open.remove(client);
            open.remove(upstream);
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // closed by the other side or by stop()
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable == null) return;
        try {
            closeable.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        stop();
    }
}
