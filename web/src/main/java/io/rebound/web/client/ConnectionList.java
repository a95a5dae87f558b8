package io.rebound.web.client;

import java.util.List;

/**
 * A runner's connections, and the providers this server can connect ({@code available}: those with a client id and
 * secret configured).
 */
public record ConnectionList(List<ConnectionView> connections, List<String> available) {

    public List<ConnectionView> connectionsOrEmpty() {
        return connections == null ? List.of() : connections;
    }

    public List<String> availableOrEmpty() {
        return available == null ? List.of() : available;
    }
}
