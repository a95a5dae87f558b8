package io.rebound.infrastructure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Asks the Docker engine named by {@code DOCKER_HOST} (or the default socket) whether it answers, with a plain
 * {@code GET /_ping}. It loads no Testcontainers class, so it gives the same answer in any class loader, which
 * matters inside a test engine's condition.
 */
final class DockerProbe {

    private static final String DEFAULT_SOCKET = "/var/run/docker.sock";

    private DockerProbe() {
    }

    static boolean engineAnswers() {
        String host = System.getenv("DOCKER_HOST");
        try {
            if (host != null && host.startsWith("tcp://")) {
                URI uri = URI.create(host);
                return ping(SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort())));
            }
            Path socket = Path.of(host != null && host.startsWith("unix://") ? host.substring("unix://".length()) : DEFAULT_SOCKET);
            if (!Files.exists(socket)) {
                return false;
            }
            SocketAddress address = UnixDomainSocketAddress.of(socket);
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(address);
            return ping(channel);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean ping(SocketChannel channel) throws IOException {
        try (channel) {
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer answer = ByteBuffer.allocate(256);
            channel.read(answer);
            String head = new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
            return head.startsWith("HTTP/1.") && head.contains(" 200 ");
        }
    }
}
