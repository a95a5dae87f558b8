package io.rebound.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's own sources say about how it must be deployed: its port, whether its packaged (prod) jar serves
 * health and metrics on a management port of their own, the topics it consumes and writes, its database, and the
 * REBOUND_* variables its application.properties reads.
 */
record ServiceModule(
        String name,
        Path dir,
        int port,
        boolean managementPortInProd,
        int managementPort,
        Set<String> consumedTopics,
        Set<String> producedTopics,
        String database,
        Set<String> variables,
        Set<String> variablesDefaultingToThisMachine) {

    static final String DOCKERFILE = "src/main/docker/Dockerfile.jvm";

    /**
     * Set for notification-service ahead of the preferences work that reads them (the unsubscribe link's key and
     * where the link points); accepted although application.properties does not read them yet.
     */
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.topic");
    private static final Pattern DEAD_LETTER_TOPIC =
            Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic");
    private static final Pattern OUTGOING_TOPIC = Pattern.compile("mp\\.messaging\\.outgoing\\.[^.]+\\.topic");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(REBOUND_[A-Z0-9_]+):?([^}]*)}");
    private static final Pattern PORT_DEFAULT = Pattern.compile("\\$\\{[A-Z0-9_]+:(\\d+)}");
    private static final Pattern DATABASE = Pattern.compile("jdbc:postgresql://[^/]+/([A-Za-z0-9_]+)");

    static ServiceModule read(Path dir) {
        Path file = dir.resolve("src/main/resources/application.properties");
        String text = Repo.text(file);
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> consumed = new TreeSet<>();
        Set<String> produced = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            if (INCOMING_TOPIC.matcher(key).matches()) {
                consumed.add(value);
            } else if (DEAD_LETTER_TOPIC.matcher(key).matches() || OUTGOING_TOPIC.matcher(key).matches()) {
                produced.add(value);
            }
        }
        Set<String> variables = new LinkedHashSet<>();
        Set<String> local = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            variables.add(matcher.group(1));
            String fallback = matcher.group(2);
            if (fallback.contains("127.0.0.1") || fallback.contains("localhost")) {
                local.add(matcher.group(1));
            }
        }
        String jdbc = properties.getProperty("quarkus.datasource.jdbc.url", "");
        Matcher database = DATABASE.matcher(jdbc);
        if (!database.find()) {
            throw new IllegalStateException(file + ": quarkus.datasource.jdbc.url=" + jdbc + " names no database");
        }
        String port = properties.getProperty("quarkus.http.port");
        if (port == null) {
            throw new IllegalStateException(file + " sets no quarkus.http.port");
        }
        Matcher management = PORT_DEFAULT.matcher(properties.getProperty("quarkus.management.port", ""));
        return new ServiceModule(dir.getFileName().toString(), dir, Integer.parseInt(port.trim()),
                "true".equals(properties.getProperty("%prod.quarkus.management.enabled", "").trim()),
                management.find() ? Integer.parseInt(management.group(1)) : -1, consumed, produced,
                database.group(1), variables, local);
    }

    /** Whether an environment variable handed to this service is one it reads. */
    boolean reads(String variable) {
        return !variable.startsWith("REBOUND_") || variables.contains(variable);
    }
}
