package io.rebound.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** One overlay of deploy/ as kubectl kustomize renders it, every object parsed. */
final class RenderedOverlay {

    private static final Map<String, RenderedOverlay> RENDERED = new ConcurrentHashMap<>();

    private final String name;
    private final List<HasMetadata> objects;

    private RenderedOverlay(String name, List<HasMetadata> objects) {
        this.name = name;
        this.objects = objects;
    }

    /**
     * deploy/overlays/{name}, rendered once per test run; {@code OVERLAY+COMPONENT} is that overlay with
     * deploy/components/COMPONENT added, as a user adds it (a kustomization in target/ naming both).
     */
    static RenderedOverlay of(String name) {
        return RENDERED.computeIfAbsent(name, n -> {
            String yaml = Tool.KUBECTL.run("kustomize", directory(n));
            List<HasMetadata> objects = KubernetesModel.parseAll(yaml);
            Map<String, Long> kinds = objects.stream()
                    .collect(Collectors.groupingBy(HasMetadata::getKind, TreeMap::new, Collectors.counting()));
            System.out.printf("deploy-tests [%s]: kubectl kustomize rendered %d objects, every one parsed (built-in kinds"
                    + " strictly): %s%n", n, objects.size(), kinds);
            return new RenderedOverlay(n, List.copyOf(objects));
        });
    }

    private static String directory(String name) {
        int plus = name.indexOf('+');
        if (plus < 0) {
            return "deploy/overlays/" + name;
        }
        Path dir = Repo.root().resolve("deploy-tests/target/overlays/" + name.replace('+', '-'));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n  - ../../../../deploy/overlays/"
                    + name.substring(0, plus) + "\ncomponents:\n  - ../../../../deploy/components/" + name.substring(plus + 1)
                    + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Repo.root().relativize(dir).toString();
    }

    String name() {
        return name;
    }

    List<HasMetadata> objects() {
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Custom resources of one kind (Kafka, KafkaTopic, Cluster, ServiceMonitor...). */
    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
    }

    Optional<ConfigMap> configMap(String name) {
        return all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst();
    }

    Optional<Secret> secret(String name) {
        return all(Secret.class).stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return "overlays/" + name;
    }
}
