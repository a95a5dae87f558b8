package io.rebound.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The overlay checks are only as good as the parser: a field Kubernetes does not know must fail it. */
class StrictParsingTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: example
            spec:
              selector:
                matchLabels: {app: example}
              template:
                metadata:
                  labels: {app: example}
                spec:
                  containers:
                    - name: example
                      image: example:1
                      %s:
                        httpGet: {path: /q/health/live, port: 8080}
            """;

    @Test
    void knownFieldsParse() {
        List<HasMetadata> objects = KubernetesModel.parseAll(DEPLOYMENT.formatted("livenessProbe"));
        assertThat(objects).singleElement().isInstanceOf(Deployment.class);
        Deployment deployment = (Deployment) objects.get(0);
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getLivenessProbe().getHttpGet()
                .getPath()).isEqualTo("/q/health/live");
    }

    @Test
    void misspelledFieldIsRejected() {
        assertThatThrownBy(() -> KubernetesModel.parseAll(DEPLOYMENT.formatted("livenesProbe")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Deployment example")
                .hasMessageContaining("livenesProbe");
    }

    @Test
    void unknownFieldInCustomResourceMetadataIsRejected() {
        String topic = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: activities
                  label: {strimzi.io/cluster: rebound}
                spec: {partitions: 6, replicas: 3}
                """;
        assertThatThrownBy(() -> KubernetesModel.parseAll(topic))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("label");
    }

    @Test
    void customResourceSpecIsReadAsItIs() {
        List<HasMetadata> objects = KubernetesModel.parseAll("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: activities
                  labels: {strimzi.io/cluster: rebound}
                spec: {partitions: 6, replicas: 3}
                """);
        assertThat(objects).singleElement().isInstanceOf(GenericKubernetesResource.class);
        assertThat(((GenericKubernetesResource) objects.get(0)).<Integer>get("spec", "partitions")).isEqualTo(6);
    }

    @Test
    void builtInKindWithoutAModelIsRejected() {
        assertThatThrownBy(() -> KubernetesModel.parseAll("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: nightly}
                spec: {}
                """))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("KubernetesModel.BUILT_IN");
    }
}
