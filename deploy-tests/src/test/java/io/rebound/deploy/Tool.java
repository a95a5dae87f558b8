package io.rebound.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A command-line tool the deploy checks need (kubectl, docker-compose), run in the repository's root. */
final class Tool {

    static final Tool KUBECTL = new Tool("kubectl", "REBOUND_KUBECTL", "kubernetes-client");
    static final Tool DOCKER_COMPOSE = new Tool("docker-compose", "REBOUND_DOCKER_COMPOSE", "docker-compose");

    private final String name;
    private final String overrideVariable;
    private final String debianPackage;

    private Tool(String name, String overrideVariable, String debianPackage) {
        this.name = name;
        this.overrideVariable = overrideVariable;
        this.debianPackage = debianPackage;
    }

    /** What the command printed on standard output; fails the test, naming what went wrong, on anything else. */
    String run(String... arguments) {
        List<String> command = new ArrayList<>();
        String override = System.getenv(overrideVariable);
        command.add(override == null || override.isBlank() ? name : override);
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(Repo.root().toFile()).start();
        } catch (IOException e) {
            return fail(name + " is needed by the deploy checks and was not found (" + e.getMessage() + "). Run ./rebound test,"
                    + " which installs it (Debian's " + debianPackage + " package) when missing, or install it yourself"
                    + " (or set " + overrideVariable + " to its path).");
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail(String.join(" ", command) + " did not finish within 120 s");
            }
            if (process.exitValue() != 0) {
                return fail(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + err.join());
            }
            return out.join();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
