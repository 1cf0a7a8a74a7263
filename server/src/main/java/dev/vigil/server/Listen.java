package dev.vigil.server;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the server listens: {@code HOST:PORT} ({@code [::1]:8080} for IPv6), by default {@code 127.0.0.1:8080}.
 *
 * @param port 0 for any free port (tests)
 */
public record Listen(String host, int port) {

    public static final Listen DEFAULT = new Listen("127.0.0.1", 8080);

    /** Parses {@code --listen}; a bad value is an IllegalArgumentException saying what is expected. */
    public static Listen parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("--listen: expected HOST:PORT (e.g. 127.0.0.1:8080), not '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--listen: the port must be a number from 0 to 65535, not '"
                    + text.substring(colon + 1) + "'");
        }
        return new Listen(host, port);
    }

    /** Whether only this machine can connect. */
    public boolean loopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
