package io.rebound.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
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

    /** deploy/overlays/{name}, rendered once per test run. */
    static RenderedOverlay of(String name) {
        return RENDERED.computeIfAbsent(name, n -> {
            String yaml = Tool.KUBECTL.run("kustomize", "deploy/overlays/" + n);
            List<HasMetadata> objects = KubernetesModel.parseAll(yaml);
            Map<String, Long> kinds = objects.stream()
                    .collect(Collectors.groupingBy(HasMetadata::getKind, TreeMap::new, Collectors.counting()));
            System.out.printf("deploy-tests [%s]: kubectl kustomize rendered %d objects, every one parsed (built-in kinds"
                    + " strictly): %s%n", n, objects.size(), kinds);
            return new RenderedOverlay(n, List.copyOf(objects));
        });
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
