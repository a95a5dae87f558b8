package io.rebound.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aFreePortLiesBelowTheEphemeralRangeSoNoOutgoingConnectionTakesItWhileItsServerIsDown() throws Exception {
        int ephemeralLow = Ports.ephemeralLow();
        assertThat(ephemeralLow).as("the kernel's ephemeral range leaves room below it").isGreaterThan(11000);
        for (int i = 0; i < 50; i++) {
            int port = Ports.free();
            assertThat(port).isBetween(10000, ephemeralLow - 1);
            try (ServerSocket server = new ServerSocket()) {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                assertThat(server.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
