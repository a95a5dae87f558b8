package io.rebound.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads rendered manifests into the fabric8 Kubernetes model. Built-in kinds are read strictly: a field the model
 * does not know (a typo, a field at the wrong level) fails, instead of landing silently in the model's catch-all
 * map. Custom resources (Strimzi, CloudNativePG, Prometheus Operator) become GenericKubernetesResource, whose
 * fields the tests check one by one.
 */
final class KubernetesModel {

    /** The built-in kinds deploy/ uses; another one fails until it is added here. */
    private static final Map<String, Class<? extends HasMetadata>> BUILT_IN = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class));

    private static final ObjectMapper STRICT = strictMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private KubernetesModel() {
    }

    /** Every document of a multi-document YAML stream, parsed. */
    static List<HasMetadata> parseAll(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        try {
            for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    objects.add(parse(document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    static HasMetadata parse(JsonNode document) {
        String apiVersion = document.path("apiVersion").asText();
        String kind = document.path("kind").asText();
        String name = document.path("metadata").path("name").asText();
        String where = apiVersion + " " + kind + " " + name;
        Class<? extends HasMetadata> type = isCustom(apiVersion) ? GenericKubernetesResource.class
                : BUILT_IN.get(apiVersion + "/" + kind);
        if (type == null) {
            throw new AssertionError(where + ": no fabric8 model is registered for this built-in kind; add it to"
                    + " KubernetesModel.BUILT_IN");
        }
        try {
            return STRICT.treeToValue(document, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError(where + " does not match the Kubernetes API: " + e.getOriginalMessage()
                    + " (at " + path(e) + ")", e);
        }
    }

    /** A value shaped like one of the model's types (a selector inside a custom resource, say), read strictly. */
    static <T> T convert(Object value, Class<T> type) {
        return STRICT.convertValue(value, type);
    }

    /** Custom resources have a dotted API group outside Kubernetes' own (*.k8s.io). */
    static boolean isCustom(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        return group.contains(".") && !group.endsWith(".k8s.io");
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            return mapping.getPathReference();
        }
        return "?";
    }

    private static ObjectMapper strictMapper() {
        SimpleModule noCatchAll = new SimpleModule("no-catch-all");
        noCatchAll.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                    BeanDeserializerBuilder builder) {
                // The generic resource is the catch-all by design: spec and status live in its map.
                if (description.getBeanClass() != GenericKubernetesResource.class) {
                    builder.setAnySetter(null);
                    builder.setIgnoreUnknownProperties(false);
                }
                return builder;
            }
        });
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(noCatchAll)
                .build();
    }
}
