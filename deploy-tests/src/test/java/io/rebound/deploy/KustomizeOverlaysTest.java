package io.rebound.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/overlays/dev and deploy/overlays/prod as kubectl renders them, checked without a cluster: every object
 * parses against the Kubernetes API, and the objects fit together and fit the services' own configuration.
 */
class KustomizeOverlaysTest {

    private static final List<ServiceModule> SERVICES = Repo.services();
    private static final Map<String, String> PROBES = Map.of(
            "startup", "/q/health/started",
            "liveness", "/q/health/live",
            "readiness", "/q/health/ready");
    private static final String SHUTDOWN_TIMEOUT = "QUARKUS_SHUTDOWN_TIMEOUT";
    /** The container port where a packaged service serves /q/health and /q/metrics, apart from its API. */
    private static final String MANAGEMENT = "management";
    private static final Pattern SLEEP = Pattern.compile("sleep (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod", "prod+keycloak"})
    void everyObjectParsesAndLivesInTheNamespace(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<Namespace> namespaces = rendered.all(Namespace.class);
        assertThat(namespaces).as("%s renders exactly one Namespace", rendered).hasSize(1);
        String namespace = namespaces.get(0).getMetadata().getName();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (HasMetadata object : rendered.objects()) {
            if (!seen.add(object.getApiVersion() + " " + object.getKind() + " " + object.getMetadata().getName())) {
                problems.add(describe(object) + " is rendered twice");
            }
            if (!(object instanceof Namespace) && !namespace.equals(object.getMetadata().getNamespace())) {
                problems.add(describe(object) + " is in namespace " + object.getMetadata().getNamespace() + ", not "
                        + namespace);
            }
        }
        report(rendered, problems, "%d objects named once each, all in namespace %s", rendered.objects().size(),
                namespace);
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod", "prod+keycloak"})
    void everyDeploymentHasProbesResourcesADisruptionBudgetAndTimeToShutDown(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<Deployment> deployments = rendered.all(Deployment.class);
        List<String> problems = new ArrayList<>();
        assertThat(deployments.stream().map(d -> d.getMetadata().getName()))
                .as("%s has a Deployment per service", rendered)
                .containsAll(SERVICES.stream().map(ServiceModule::name).toList());
        for (Deployment deployment : deployments) {
            String name = describe(deployment);
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            if (!Labels.matches(deployment.getSpec().getSelector(), podLabels)) {
                problems.add(name + ": spec.selector does not match its own pod labels " + podLabels);
            }
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Optional<ServiceModule> service = service(deployment);
            for (Container container : pod.getContainers()) {
                String where = name + " container " + container.getName();
                checkProbes(where, container, service.isPresent(), problems);
                checkResources(where, container.getResources(), problems);
                checkImage(where, container.getImage(), problems);
            }
            List<PodDisruptionBudget> budgets = rendered.all(PodDisruptionBudget.class).stream()
                    .filter(b -> Labels.matches(b.getSpec().getSelector(), podLabels))
                    .toList();
            if (budgets.size() != 1) {
                problems.add(name + ": " + budgets.size() + " PodDisruptionBudgets select its pods " + podLabels
                        + "; expected exactly one");
            } else {
                checkBudgetLetsADrainThrough(rendered, deployment, budgets.get(0), problems);
            }
            if (service.isPresent()) {
                checkGracePeriod(rendered, deployment, problems);
            }
        }
        report(rendered, problems, "%d Deployments (%d services): three probes (/q/health/started, live, ready on the"
                + " services' management port), requests and limits, a pinned image, one PodDisruptionBudget each, grace period >= preStop"
                + " + %s", deployments.size(), SERVICES.size(), SHUTDOWN_TIMEOUT);
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void autoscalersStopAtThePartitionsOfTheTopicsTheirServiceConsumes(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<HorizontalPodAutoscaler> autoscalers = rendered.all(HorizontalPodAutoscaler.class);
        Map<String, Integer> partitions = topicPartitions(rendered);
        List<String> problems = new ArrayList<>();
        List<String> caps = new ArrayList<>();
        for (ServiceModule service : SERVICES) {
            List<HorizontalPodAutoscaler> own = autoscalers.stream()
                    .filter(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                            && service.name().equals(h.getSpec().getScaleTargetRef().getName()))
                    .toList();
            if (own.size() != 1) {
                problems.add(service.name() + ": " + own.size() + " HorizontalPodAutoscalers scale it; expected one");
                continue;
            }
            HorizontalPodAutoscaler autoscaler = own.get(0);
            int max = autoscaler.getSpec().getMaxReplicas();
            int min = Objects.requireNonNullElse(autoscaler.getSpec().getMinReplicas(), 1);
            if (min > max) {
                problems.add(describe(autoscaler) + ": minReplicas " + min + " > maxReplicas " + max);
            }
            for (String topic : service.consumedTopics()) {
                Integer count = partitions.get(topic);
                if (count == null) {
                    problems.add(service.name() + " consumes " + topic + ", which has no KafkaTopic");
                } else if (max > count) {
                    problems.add(describe(autoscaler) + ": maxReplicas " + max + " is more than the " + count
                            + " partitions of " + topic + ", which " + service.name() + " consumes; the extra pods"
                            + " would sit idle");
                } else {
                    caps.add(service.name() + " " + max + " <= " + topic + " " + count);
                }
            }
        }
        for (HorizontalPodAutoscaler autoscaler : autoscalers) {
            String target = autoscaler.getSpec().getScaleTargetRef().getName();
            if (rendered.all(Deployment.class).stream().noneMatch(d -> d.getMetadata().getName().equals(target))) {
                problems.add(describe(autoscaler) + " scales " + target + ", which is not rendered");
            }
        }
        report(rendered, problems, "%d HorizontalPodAutoscalers, maxReplicas within the consumed topics' partitions: %s",
                autoscalers.size(), caps);
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod", "prod+keycloak"})
    void everyServiceIsScrapedByPrometheusAndFencedInByNetworkPolicies(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> problems = new ArrayList<>();
        List<NetworkPolicy> policies = rendered.all(NetworkPolicy.class);
        boolean defaultDeny = policies.stream().anyMatch(p -> Labels.isEmpty(p.getSpec().getPodSelector())
                && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && isEmpty(p.getSpec().getIngress()) && isEmpty(p.getSpec().getEgress()));
        if (!defaultDeny) {
            problems.add("no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)");
        }
        int kafkaPort = kafkaListenerPorts(rendered).stream().findFirst().orElse(-1);
        List<GenericKubernetesResource> monitors = rendered.custom("ServiceMonitor");
        for (GenericKubernetesResource monitor : monitors) {
            checkServiceMonitorFields(monitor, problems);
        }
        for (Deployment deployment : rendered.all(Deployment.class)) {
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<NetworkPolicy> own = policies.stream()
                    .filter(p -> !Labels.isEmpty(p.getSpec().getPodSelector())
                            && Labels.matches(p.getSpec().getPodSelector(), podLabels))
                    .toList();
            if (own.isEmpty()) {
                problems.add(describe(deployment) + ": no NetworkPolicy selects its pods " + podLabels);
                continue;
            }
            for (NetworkPolicy policy : own) {
                checkNoOpenRule(policy, problems);
            }
            Optional<ServiceModule> module = service(deployment);
            if (module.isEmpty()) {
                continue;
            }
            int port = module.get().port();
            String name = module.get().name();
            List<NetworkPolicyEgressRule> egress = own.stream()
                    .flatMap(p -> Stream.ofNullable(p.getSpec().getEgress()).flatMap(List::stream)).toList();
            List<NetworkPolicyIngressRule> ingress = own.stream()
                    .flatMap(p -> Stream.ofNullable(p.getSpec().getIngress()).flatMap(List::stream)).toList();
            if (!own.stream().allMatch(p -> p.getSpec().getPolicyTypes().contains("Egress"))
                    || own.stream().noneMatch(p -> p.getSpec().getPolicyTypes().contains("Ingress"))) {
                problems.add(name + ": its NetworkPolicies must limit Ingress and Egress");
            }
            for (int needed : new int[] {53, kafkaPort, 5432}) {
                if (egress.stream().noneMatch(r -> opens(r.getPorts(), needed))) {
                    problems.add(name + ": no egress rule opens port " + needed + " (DNS, Kafka, PostgreSQL)");
                }
            }
            if (ingress.stream().noneMatch(r -> opens(r.getPorts(), port)
                    && r.getFrom().stream().anyMatch(KustomizeOverlaysTest::isIngressController))) {
                problems.add(name + ": no ingress rule lets the ingress controller's namespace reach port " + port);
            }
            int management = managementPort(deployment.getSpec().getTemplate().getSpec().getContainers().get(0));
            if (ingress.stream().noneMatch(r -> opens(r.getPorts(), management)
                    && r.getFrom().stream().anyMatch(KustomizeOverlaysTest::isPrometheus))) {
                problems.add(name + ": no ingress rule lets Prometheus scrape the " + MANAGEMENT + " port " + management);
            }
            if (ingress.stream().anyMatch(r -> opens(r.getPorts(), management)
                    && r.getFrom().stream().anyMatch(KustomizeOverlaysTest::isIngressController))) {
                problems.add(name + ": the ingress controller may reach the " + MANAGEMENT + " port " + management);
            }
            checkScraped(rendered, deployment, monitors, problems);
        }
        report(rendered, problems, "default deny present; %d NetworkPolicies, every Deployment selected by one, each"
                + " service's open to DNS/Kafka/PostgreSQL out, the ingress controller in to the API port and Prometheus to"
                + " the management port; %d ServiceMonitors (selector, endpoints, /q/metrics on the management port) matching each service's Service", policies.size(), monitors.size());
    }

    @ParameterizedTest(name = "overlays/{0} with {1} replica(s) per topic")
    @CsvSource({"dev, 1", "prod, 3"})
    void kafkaResourcesCarryWhatStrimziNeeds(String overlay, int topicReplicas) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> problems = new ArrayList<>();
        List<GenericKubernetesResource> clusters = rendered.custom("Kafka");
        assertThat(clusters).as("%s renders one Strimzi Kafka", rendered).hasSize(1);
        GenericKubernetesResource kafka = clusters.get(0);
        String cluster = kafka.getMetadata().getName();
        Map<String, String> annotations = Objects.requireNonNullElse(kafka.getMetadata().getAnnotations(), Map.of());
        for (String annotation : List.of("strimzi.io/kraft", "strimzi.io/node-pools")) {
            if (!"enabled".equals(annotations.get(annotation))) {
                problems.add(describe(kafka) + ": annotation " + annotation + " must be \"enabled\"");
            }
        }
        List<Map<String, Object>> listeners = list(kafka.get("spec", "kafka", "listeners"));
        if (listeners.isEmpty()) {
            problems.add(describe(kafka) + ": spec.kafka.listeners is missing or empty");
        }
        for (Map<String, Object> listener : listeners) {
            for (String field : List.of("name", "port", "type", "tls")) {
                if (listener.get(field) == null) {
                    problems.add(describe(kafka) + ": listener " + listener + " has no " + field);
                }
            }
        }
        for (String field : List.of("replicas", "storage")) {
            if (kafka.get("spec", "kafka", field) != null) {
                problems.add(describe(kafka) + ": spec.kafka." + field + " belongs in the KafkaNodePools");
            }
        }
        if (kafka.get("spec", "zookeeper") != null) {
            problems.add(describe(kafka) + ": spec.zookeeper has no place in a KRaft cluster");
        }
        if (kafka.get("spec", "entityOperator", "topicOperator") == null) {
            problems.add(describe(kafka) + ": spec.entityOperator.topicOperator is needed for the KafkaTopics");
        }

        int brokers = 0;
        Set<String> roles = new TreeSet<>();
        List<GenericKubernetesResource> pools = rendered.custom("KafkaNodePool");
        for (GenericKubernetesResource pool : pools) {
            String where = describe(pool);
            if (!cluster.equals(label(pool, "strimzi.io/cluster"))) {
                problems.add(where + ": label strimzi.io/cluster must name the Kafka " + cluster);
            }
            int replicas = number(pool.get("spec", "replicas"), -1);
            if (replicas < 1) {
                problems.add(where + ": spec.replicas must be a number >= 1");
            }
            List<String> poolRoles = strings(pool.get("spec", "roles"));
            if (poolRoles.isEmpty() || !Set.of("controller", "broker").containsAll(poolRoles)) {
                problems.add(where + ": spec.roles must be controller and/or broker, was " + poolRoles);
            }
            roles.addAll(poolRoles);
            if (poolRoles.contains("broker")) {
                brokers += Math.max(replicas, 0);
            }
            checkStorage(where, pool.get("spec", "storage"), problems);
        }
        if (!roles.containsAll(List.of("controller", "broker"))) {
            problems.add("the KafkaNodePools of " + cluster + " must include controllers and brokers, have " + roles);
        }

        Map<String, Object> brokerConfig = map(kafka.get("spec", "kafka", "config"));
        Set<String> expected = new TreeSet<>(Repo.layoutTopics());
        SERVICES.forEach(s -> {
            expected.addAll(s.consumedTopics());
            expected.addAll(s.producedTopics());
        });
        Set<String> found = new TreeSet<>();
        List<GenericKubernetesResource> topics = rendered.custom("KafkaTopic");
        for (GenericKubernetesResource topic : topics) {
            String name = topicName(topic);
            String where = describe(topic) + " (" + name + ")";
            found.add(name);
            if (!cluster.equals(label(topic, "strimzi.io/cluster"))) {
                problems.add(where + ": label strimzi.io/cluster must name the Kafka " + cluster);
            }
            if (number(topic.get("spec", "partitions"), 0) < 1) {
                problems.add(where + ": spec.partitions must be a number >= 1");
            }
            int replicas = number(topic.get("spec", "replicas"), 0);
            if (replicas != topicReplicas) {
                problems.add(where + ": spec.replicas is " + replicas + ", expected " + topicReplicas + " in " + overlay);
            }
            if (replicas > brokers) {
                problems.add(where + ": " + replicas + " replicas but only " + brokers + " brokers");
            }
            Map<String, Object> config = map(topic.get("spec", "config"));
            int minInSync = number(config.getOrDefault("min.insync.replicas", brokerConfig.get("min.insync.replicas")), 1);
            if (minInSync > replicas) {
                problems.add(where + ": min.insync.replicas " + minInSync + " > replicas " + replicas
                        + ": every acks=all write would fail");
            }
            boolean compacted = String.valueOf(config.get("cleanup.policy")).contains("compact");
            if (!compacted && config.get("retention.ms") == null && config.get("retention.bytes") == null) {
                problems.add(where + ": neither compacted nor given a retention (retention.ms or retention.bytes)");
            }
            if (name.equals("plans") && !compacted) {
                problems.add(where + ": plans must be compacted (cleanup.policy: compact): it holds the latest plan per"
                        + " runner");
            }
        }
        if (!found.containsAll(expected)) {
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(found);
            problems.add("no KafkaTopic for " + missing + " (named by devstack's Layout or the services'"
                    + " application.properties)");
        }
        report(rendered, problems, "Kafka %s (KRaft, node pools, %d listener(s)); %d KafkaNodePool(s) with %d broker(s);"
                + " %d KafkaTopics (cluster label, partitions, %d replica(s), retention or compaction) covering %s",
                cluster, listeners.size(), pools.size(), brokers, topics.size(), topicReplicas, expected);
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod", "prod+keycloak"})
    void postgresClusterHoldsEachServicesDatabaseWithItsOwnCredentials(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> problems = new ArrayList<>();
        List<GenericKubernetesResource> clusters = rendered.custom("Cluster");
        assertThat(clusters).as("%s renders one CloudNativePG Cluster", rendered).hasSize(1);
        GenericKubernetesResource cluster = clusters.get(0);
        String clusterName = cluster.getMetadata().getName();
        if (number(cluster.get("spec", "instances"), 0) < 1) {
            problems.add(describe(cluster) + ": spec.instances must be a number >= 1");
        }
        if (cluster.get("spec", "storage", "size") == null) {
            problems.add(describe(cluster) + ": spec.storage.size is missing");
        }
        // database -> the Secret holding its owner's login
        Map<String, String> databases = new LinkedHashMap<>();
        Map<String, String> roleSecrets = new LinkedHashMap<>();
        for (Map<String, Object> role : list(cluster.get("spec", "managed", "roles"))) {
            roleSecrets.put(String.valueOf(role.get("name")), (String) map(role.get("passwordSecret")).get("name"));
        }
        String initDatabase = cluster.get("spec", "bootstrap", "initdb", "database");
        if (initDatabase != null) {
            databases.put(initDatabase, cluster.get("spec", "bootstrap", "initdb", "secret", "name"));
        }
        for (GenericKubernetesResource database : rendered.custom("Database")) {
            String name = database.get("spec", "name");
            String owner = database.get("spec", "owner");
            if (name == null || owner == null) {
                problems.add(describe(database) + ": spec.name and spec.owner are required");
                continue;
            }
            if (!clusterName.equals(database.get("spec", "cluster", "name"))) {
                problems.add(describe(database) + ": spec.cluster.name must be " + clusterName);
            }
            if (!roleSecrets.containsKey(owner)) {
                problems.add(describe(database) + ": owner " + owner + " is not among the Cluster's managed roles");
            }
            databases.put(name, roleSecrets.get(owner));
        }
        for (ServiceModule service : SERVICES) {
            Deployment deployment = deployment(rendered, service.name());
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            if (!databases.containsKey(service.database())) {
                problems.add(service.name() + " uses database " + service.database() + ", which " + clusterName
                        + " does not create (bootstrap.initdb or a Database resource)");
                continue;
            }
            String host = clusterName + "-rw";
            for (String variable : List.of("REBOUND_DB_JDBC_URL", "REBOUND_DB_REACTIVE_URL")) {
                String url = env(rendered, container, variable).orElse("");
                if (!url.contains("//" + host + ":") || !url.endsWith("/" + service.database())) {
                    problems.add(service.name() + ": " + variable + "=" + url + " should point at " + host
                            + " and database " + service.database());
                }
            }
            String secret = databases.get(service.database());
            for (String variable : List.of("REBOUND_DB_USER", "REBOUND_DB_PASSWORD")) {
                String from = secretKeyRef(container, variable).map(SecretKeySelector::getName).orElse(null);
                if (!Objects.equals(secret, from)) {
                    problems.add(service.name() + ": " + variable + " comes from " + from + ", not from " + secret
                            + ", the login of database " + service.database() + "'s owner");
                }
            }
        }
        report(rendered, problems, "CloudNativePG Cluster %s (instances, storage.size) creates %s; each service reads"
                + " its own database through %s-rw with its owner's Secret", clusterName, databases.keySet(),
                clusterName);
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void alertsAndDashboardUseTheAgreedMetricNames(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> problems = new ArrayList<>();
        List<GenericKubernetesResource> rules = rendered.custom("PrometheusRule");
        assertThat(rules).as("%s renders a PrometheusRule", rendered).isNotEmpty();
        StringBuilder expressions = new StringBuilder();
        int alerts = 0;
        for (GenericKubernetesResource rule : rules) {
            List<Map<String, Object>> groups = list(rule.get("spec", "groups"));
            if (groups.isEmpty()) {
                problems.add(describe(rule) + ": spec.groups is missing or empty");
            }
            for (Map<String, Object> group : groups) {
                List<Map<String, Object>> entries = list(group.get("rules"));
                if (group.get("name") == null || entries.isEmpty()) {
                    problems.add(describe(rule) + ": group " + group.get("name") + " needs a name and rules");
                }
                for (Map<String, Object> entry : entries) {
                    if (entry.get("expr") == null || (entry.get("alert") == null && entry.get("record") == null)) {
                        problems.add(describe(rule) + ": rule " + entry + " needs alert (or record) and expr");
                        continue;
                    }
                    expressions.append(entry.get("expr")).append('\n');
                    if (entry.get("alert") != null) {
                        alerts++;
                        if (map(entry.get("labels")).get("severity") == null) {
                            problems.add(describe(rule) + ": alert " + entry.get("alert") + " has no severity label");
                        }
                    }
                }
            }
        }
        requireAll("the alert expressions", expressions.toString(), List.of(
                "kafka_consumer_fetch_manager_records_lag_max",
                "rebound_dead_letters_total",
                "rebound_outbox_oldest_age_seconds",
                "rebound_emails_total{",
                "outcome=\"failed\""), problems);
        if (!expressions.toString().contains("kube_pod_status_ready")
                && !expressions.toString().contains("kube_deployment_status_replicas_unavailable")) {
            problems.add("no alert watches for pods that are not ready (kube_pod_status_ready or"
                    + " kube_deployment_status_replicas_unavailable)");
        }

        List<ConfigMap> dashboards = rendered.all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getLabels() != null
                        && c.getMetadata().getLabels().containsKey("grafana_dashboard"))
                .toList();
        int panels = 0;
        StringBuilder queries = new StringBuilder();
        for (ConfigMap dashboard : dashboards) {
            for (Map.Entry<String, String> file : dashboard.getData().entrySet()) {
                JsonNode json = readJson(describe(dashboard) + " " + file.getKey(), file.getValue());
                for (JsonNode panel : json.path("panels")) {
                    panels++;
                    if (panel.path("title").asText().isBlank() || panel.path("targets").isEmpty()) {
                        problems.add(describe(dashboard) + ": panel " + panel.path("id") + " needs a title and targets");
                    }
                    panel.path("targets").forEach(t -> queries.append(t.path("expr").asText()).append('\n'));
                }
            }
        }
        if (dashboards.isEmpty()) {
            problems.add("no ConfigMap labelled grafana_dashboard");
        }
        requireAll("the dashboard's queries", queries.toString(), List.of(
                "rebound_activities_accepted_total",
                "rebound_alerts_raised_total",
                "kafka_consumer_fetch_manager_records_lag_max",
                "histogram_quantile(",
                "rebound_alert_latency_seconds_bucket",
                "by (outcome) (rate(rebound_emails_total"), problems);
        report(rendered, problems, "%d PrometheusRule(s) with %d alerts (groups, alert + expr, severity) on lag, dead"
                + " letters, outbox age, failed emails and unready pods; %d dashboard(s), %d panels on ingest, alerts,"
                + " lag, latency percentiles and email outcomes", rules.size(), alerts, dashboards.size(), panels);
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod", "prod+keycloak"})
    void everyServiceGetsTheSettingsItReadsAndOnlyThose(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> problems = new ArrayList<>();
        String bootstrap = kafkaBootstrap(rendered);
        for (ServiceModule service : SERVICES) {
            Deployment deployment = deployment(rendered, service.name());
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                Set<String> given = envNames(rendered, container);
                for (String variable : given) {
                    if (!service.reads(variable)) {
                        problems.add(service.name() + " is given " + variable + ", which its application.properties"
                                + " does not read");
                    }
                }
                for (String variable : service.variablesDefaultingToThisMachine()) {
                    if (!given.contains(variable) && !secretBacked(rendered, container)) {
                        problems.add(service.name() + " is not given " + variable + ", whose default points at this"
                                + " machine");
                    }
                }
                String kafka = env(rendered, container, "REBOUND_KAFKA_BOOTSTRAP").orElse("");
                if (!kafka.equals(bootstrap)) {
                    problems.add(service.name() + ": REBOUND_KAFKA_BOOTSTRAP=" + kafka + ", expected " + bootstrap);
                }
                int port = container.getPorts().stream().map(ContainerPort::getContainerPort).findFirst().orElse(-1);
                if (port != service.port()) {
                    problems.add(service.name() + " listens on " + service.port() + " but its container port is " + port);
                }
                if (!service.managementPortInProd()) {
                    problems.add(service.name() + ": its packaged jar serves /q on the API port; expected"
                            + " %prod.quarkus.management.enabled=true");
                }
                String management = env(rendered, container, "REBOUND_MANAGEMENT_PORT").orElse("");
                if (!management.equals(Integer.toString(managementPort(container)))) {
                    problems.add(service.name() + ": REBOUND_MANAGEMENT_PORT=" + management + " but its " + MANAGEMENT
                            + " container port is " + managementPort(container));
                } else if (managementPort(container) == service.port()) {
                    problems.add(service.name() + ": the " + MANAGEMENT + " port is its API port " + port);
                }
            }
        }
        report(rendered, problems, "%d services given only REBOUND_* settings they read, every local default"
                + " overridden, Kafka at %s, /q on a management port of its own", SERVICES.size(), bootstrap);
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod", "prod+keycloak"})
    void everyReferencedConfigMapAndSecretIsRenderedOrDocumented(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> secretKeys = new LinkedHashMap<>();
        Set<String> configMaps = new TreeSet<>();
        for (Deployment deployment : rendered.all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            for (Container container : pod.getContainers()) {
                for (EnvFromSource from : Objects.requireNonNullElse(container.getEnvFrom(), List.<EnvFromSource>of())) {
                    if (from.getConfigMapRef() != null) {
                        configMaps.add(from.getConfigMapRef().getName());
                    }
                    if (from.getSecretRef() != null) {
                        secretKeys.computeIfAbsent(from.getSecretRef().getName(), k -> new TreeSet<>());
                    }
                }
                for (EnvVar env : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        SecretKeySelector ref = env.getValueFrom().getSecretKeyRef();
                        secretKeys.computeIfAbsent(ref.getName(), k -> new TreeSet<>()).add(ref.getKey());
                    }
                    if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                        configMaps.add(env.getValueFrom().getConfigMapKeyRef().getName());
                    }
                }
            }
            for (Volume volume : Objects.requireNonNullElse(pod.getVolumes(), List.<Volume>of())) {
                if (volume.getSecret() != null) {
                    secretKeys.computeIfAbsent(volume.getSecret().getSecretName(), k -> new TreeSet<>());
                }
                if (volume.getConfigMap() != null) {
                    configMaps.add(volume.getConfigMap().getName());
                }
            }
        }
        for (Ingress ingress : rendered.all(Ingress.class)) {
            for (IngressTLS tls : Objects.requireNonNullElse(ingress.getSpec().getTls(), List.<IngressTLS>of())) {
                secretKeys.computeIfAbsent(tls.getSecretName(), k -> new TreeSet<>()).addAll(List.of("tls.crt", "tls.key"));
            }
        }
        for (GenericKubernetesResource cluster : rendered.custom("Cluster")) {
            String initdb = cluster.get("spec", "bootstrap", "initdb", "secret", "name");
            if (initdb != null) {
                secretKeys.computeIfAbsent(initdb, k -> new TreeSet<>()).addAll(List.of("username", "password"));
            }
            for (Map<String, Object> role : list(cluster.get("spec", "managed", "roles"))) {
                String name = (String) map(role.get("passwordSecret")).get("name");
                if (name != null) {
                    secretKeys.computeIfAbsent(name, k -> new TreeSet<>()).addAll(List.of("username", "password"));
                }
            }
        }
        for (String name : configMaps) {
            if (rendered.configMap(name).isEmpty()) {
                problems.add("ConfigMap " + name + " is referenced but not rendered");
            }
        }
        List<Secret> secrets = rendered.all(Secret.class);
        String documented = Repo.deployGuide();
        for (Map.Entry<String, Set<String>> wanted : secretKeys.entrySet()) {
            Optional<Secret> secret = rendered.secret(wanted.getKey());
            if (secret.isPresent()) {
                Set<String> keys = new TreeSet<>();
                keys.addAll(Objects.requireNonNullElse(secret.get().getData(), Map.<String, String>of()).keySet());
                keys.addAll(Objects.requireNonNullElse(secret.get().getStringData(), Map.<String, String>of()).keySet());
                if (!keys.containsAll(wanted.getValue())) {
                    problems.add("Secret " + wanted.getKey() + " has keys " + keys + ", needs " + wanted.getValue());
                }
            } else if (!documented.contains(wanted.getKey())) {
                problems.add("Secret " + wanted.getKey() + " is neither rendered nor named in docs/deploy.md,"
                        + " so nobody will create it");
            }
        }
        if (overlay.equals("prod") && !secrets.isEmpty()) {
            problems.add("overlays/prod renders Secrets " + secrets.stream().map(s -> s.getMetadata().getName()).toList()
                    + "; production secrets are created in the cluster, never committed");
        }
        report(rendered, problems, "%d ConfigMaps referenced and rendered; %d Secrets referenced, %d rendered with the"
                + " keys used, the others named in docs/deploy.md", configMaps.size(), secretKeys.size(),
                secrets.size());
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod", "prod+keycloak"})
    void ingressExposesOnlyTheApisTheWebAppAndSignIn(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> problems = new ArrayList<>();
        Set<String> keycloakServices = rendered.custom("Keycloak").stream()
                .map(k -> k.getMetadata().getName() + "-service").collect(Collectors.toSet());
        int paths = 0;
        for (Ingress ingress : rendered.all(Ingress.class)) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    paths++;
                    String where = describe(ingress) + " " + rule.getHost() + path.getPath();
                    String backend = path.getBackend().getService().getName();
                    String port = path.getBackend().getService().getPort().getName();
                    if (keycloakServices.contains(backend)) {
                        // Made by the Keycloak Operator: port "http" (8080) when the CR enables HTTP.
                        if (!List.of("/realms", "/resources").contains(path.getPath())) {
                            problems.add(where + ": only Keycloak's /realms (sign-in, tokens, keys) and /resources are"
                                    + " public; its admin console and API stay inside the cluster");
                        }
                        if (!"http".equals(port)) {
                            problems.add(where + ": the Keycloak Operator's Service port is named http, not " + port);
                        }
                        continue;
                    }
                    if (backend.equals(Repo.WEB)) {
                        if (!path.getPath().equals("/")) {
                            problems.add(where + ": the web app's pages are its whole host, path /");
                        }
                        if (!Repo.webServesHealthOnItsManagementPort()) {
                            problems.add(where + ": the web app's packaged jar serves /q on its pages' port, which the"
                                    + " ingress publishes; expected %prod.quarkus.management.enabled=true");
                        }
                    } else if (!path.getPath().startsWith("/api")) {
                        problems.add(where + ": only /api is public; /q (health, metrics) stays inside the cluster");
                    }
                    Optional<Service> service = rendered.all(Service.class).stream()
                            .filter(s -> s.getMetadata().getName().equals(backend)).findFirst();
                    if (service.isEmpty() || service.get().getSpec().getPorts().stream()
                            .noneMatch(p -> Objects.equals(p.getName(), port))) {
                        problems.add(where + ": backend " + backend + " port " + port + " is not rendered");
                    }
                }
            }
        }
        report(rendered, problems, "%d Ingress paths: each service's /api, the web app's host, Keycloak's /realms and"
                + " /resources (when its component is in), each on a rendered Service port", paths);
    }

    private static void checkProbes(String where, Container container, boolean service, List<String> problems) {
        Map<String, Probe> probes = Map.of(
                "startup", Optional.ofNullable(container.getStartupProbe()).orElse(new Probe()),
                "liveness", Optional.ofNullable(container.getLivenessProbe()).orElse(new Probe()),
                "readiness", Optional.ofNullable(container.getReadinessProbe()).orElse(new Probe()));
        for (Map.Entry<String, Probe> probe : probes.entrySet()) {
            Probe p = probe.getValue();
            if (p.getHttpGet() == null && p.getExec() == null && p.getTcpSocket() == null && p.getGrpc() == null) {
                problems.add(where + ": no " + probe.getKey() + " probe");
                continue;
            }
            if (p.getHttpGet() != null && !hasPort(container, p.getHttpGet().getPort())) {
                problems.add(where + ": " + probe.getKey() + " probe uses port " + p.getHttpGet().getPort()
                        + ", which the container does not declare");
            }
            String wanted = PROBES.get(probe.getKey());
            if (service && (p.getHttpGet() == null || !wanted.equals(p.getHttpGet().getPath()))) {
                problems.add(where + ": " + probe.getKey() + " probe must GET " + wanted);
            } else if (service && !isManagementPort(container, p.getHttpGet().getPort())) {
                IntOrString port = p.getHttpGet().getPort();
                problems.add(where + ": " + probe.getKey() + " probe must use the " + MANAGEMENT + " port, not "
                        + (port.getStrVal() != null ? port.getStrVal() : port.getIntVal()));
            }
        }
    }

    private static void checkResources(String where, ResourceRequirements resources, List<String> problems) {
        Map<String, Quantity> requests = resources == null ? null : resources.getRequests();
        Map<String, Quantity> limits = resources == null ? null : resources.getLimits();
        for (String resource : List.of("cpu", "memory")) {
            if (requests == null || requests.get(resource) == null) {
                problems.add(where + ": no " + resource + " request");
            }
            if (limits == null || limits.get(resource) == null) {
                problems.add(where + ": no " + resource + " limit");
            }
        }
        if (requests != null && limits != null && requests.get("memory") != null && limits.get("memory") != null
                && requests.get("memory").getNumericalAmount().compareTo(limits.get("memory").getNumericalAmount()) > 0) {
            problems.add(where + ": memory request above its limit");
        }
    }

    private static void checkImage(String where, String image, List<String> problems) {
        String last = image.substring(image.lastIndexOf('/') + 1);
        if (!last.contains(":") && !image.contains("@sha256:") || last.endsWith(":latest")) {
            problems.add(where + ": image " + image + " is not pinned to a tag or digest");
        }
    }

    private static void checkBudgetLetsADrainThrough(RenderedOverlay rendered, Deployment deployment,
            PodDisruptionBudget budget, List<String> problems) {
        IntOrString maxUnavailable = budget.getSpec().getMaxUnavailable();
        IntOrString minAvailable = budget.getSpec().getMinAvailable();
        int fewest = rendered.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(deployment.getMetadata().getName()))
                .map(h -> Objects.requireNonNullElse(h.getSpec().getMinReplicas(), 1))
                .findFirst()
                .orElse(Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1));
        boolean blocks = maxUnavailable != null ? Objects.equals(maxUnavailable.getIntVal(), 0)
                : minAvailable != null && minAvailable.getIntVal() != null && minAvailable.getIntVal() >= fewest;
        if (blocks) {
            problems.add(describe(budget) + " never lets a pod of " + deployment.getMetadata().getName()
                    + " be evicted when it runs " + fewest + " (node drains would hang)");
        }
    }

    private static void checkGracePeriod(RenderedOverlay rendered, Deployment deployment, List<String> problems) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        long grace = Objects.requireNonNullElse(pod.getTerminationGracePeriodSeconds(), 30L);
        for (Container container : pod.getContainers()) {
            Optional<String> timeout = env(rendered, container, SHUTDOWN_TIMEOUT);
            if (timeout.isEmpty()) {
                problems.add(describe(deployment) + ": " + SHUTDOWN_TIMEOUT + " is not set, so Quarkus's shutdown is"
                        + " not bounded below the grace period");
                continue;
            }
            Duration needed = Durations.quarkus(timeout.get()).plus(preStopPause(container));
            if (Duration.ofSeconds(grace).compareTo(needed) < 0) {
                problems.add(describe(deployment) + ": terminationGracePeriodSeconds " + grace + " is shorter than preStop"
                        + " + " + SHUTDOWN_TIMEOUT + " (" + needed.toSeconds() + " s): pods would be killed mid-shutdown");
            }
        }
    }

    private static Duration preStopPause(Container container) {
        if (container.getLifecycle() == null || container.getLifecycle().getPreStop() == null) {
            return Duration.ZERO;
        }
        LifecycleHandler handler = container.getLifecycle().getPreStop();
        if (handler.getSleep() != null) {
            return Duration.ofSeconds(handler.getSleep().getSeconds());
        }
        if (handler.getExec() != null) {
            List<String> command = handler.getExec().getCommand();
            String line = String.join(" ", command);
            Matcher sleep = SLEEP.matcher(line);
            if (sleep.find()) {
                return Duration.ofSeconds(Long.parseLong(sleep.group(1)));
            }
        }
        return Duration.ZERO;
    }

    private static void checkServiceMonitorFields(GenericKubernetesResource monitor, List<String> problems) {
        LabelSelector selector = KubernetesModel.convert(map(monitor.get("spec", "selector")), LabelSelector.class);
        if (Labels.isEmpty(selector)) {
            problems.add(describe(monitor) + ": spec.selector is missing or empty");
        }
        List<Map<String, Object>> endpoints = list(monitor.get("spec", "endpoints"));
        if (endpoints.isEmpty()) {
            problems.add(describe(monitor) + ": spec.endpoints is missing or empty");
        }
        for (Map<String, Object> endpoint : endpoints) {
            if (endpoint.get("port") == null && endpoint.get("targetPort") == null) {
                problems.add(describe(monitor) + ": endpoint " + endpoint + " names no port");
            }
        }
    }

    private static void checkScraped(RenderedOverlay rendered, Deployment deployment,
            List<GenericKubernetesResource> monitors, List<String> problems) {
        String name = deployment.getMetadata().getName();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        List<Service> services = rendered.all(Service.class).stream()
                .filter(s -> s.getSpec().getSelector() != null && !s.getSpec().getSelector().isEmpty()
                        && podLabels.entrySet().containsAll(s.getSpec().getSelector().entrySet()))
                .toList();
        if (services.isEmpty()) {
            problems.add(name + ": no Service selects its pods");
            return;
        }
        boolean scraped = false;
        for (Service service : services) {
            for (GenericKubernetesResource monitor : monitors) {
                LabelSelector selector = KubernetesModel.convert(map(monitor.get("spec", "selector")), LabelSelector.class);
                if (!Labels.matches(selector, service.getMetadata().getLabels())) {
                    continue;
                }
                for (Map<String, Object> endpoint : list(monitor.get("spec", "endpoints"))) {
                    Optional<ServicePort> port = service.getSpec().getPorts().stream()
                            .filter(p -> Objects.equals(p.getName(), endpoint.get("port"))).findFirst();
                    if (port.isEmpty() || !hasPort(container, port.get().getTargetPort())) {
                        problems.add(describe(monitor) + ": endpoint port " + endpoint.get("port") + " is not a port of "
                                + describe(service) + " reaching " + name);
                    } else if (!isManagementPort(container, port.get().getTargetPort())) {
                        problems.add(describe(monitor) + ": endpoint port " + endpoint.get("port") + " must reach the "
                                + MANAGEMENT + " port of " + name);
                    } else if (!"/q/metrics".equals(endpoint.get("path"))) {
                        problems.add(describe(monitor) + ": endpoint path must be /q/metrics, was " + endpoint.get("path"));
                    } else {
                        scraped = true;
                    }
                }
            }
        }
        if (!scraped) {
            problems.add(name + ": no ServiceMonitor scrapes /q/metrics through its Service");
        }
    }

    private static void checkNoOpenRule(NetworkPolicy policy, List<String> problems) {
        for (NetworkPolicyIngressRule rule : Objects.requireNonNullElse(policy.getSpec().getIngress(),
                List.<NetworkPolicyIngressRule>of())) {
            if (isEmpty(rule.getFrom()) || isEmpty(rule.getPorts())) {
                problems.add(describe(policy) + ": an ingress rule without from and ports lets anything in");
            }
        }
        for (NetworkPolicyEgressRule rule : Objects.requireNonNullElse(policy.getSpec().getEgress(),
                List.<NetworkPolicyEgressRule>of())) {
            if (isEmpty(rule.getPorts()) && isEmpty(rule.getTo())) {
                problems.add(describe(policy) + ": an egress rule without to and ports lets anything out");
            }
        }
    }

    private static void checkStorage(String where, Object storage, List<String> problems) {
        Map<String, Object> spec = map(storage);
        if (spec.get("type") == null) {
            problems.add(where + ": spec.storage.type is missing");
            return;
        }
        List<Map<String, Object>> volumes = "jbod".equals(spec.get("type")) ? list(spec.get("volumes")) : List.of(spec);
        if (volumes.isEmpty()) {
            problems.add(where + ": jbod storage without volumes");
        }
        for (Map<String, Object> volume : volumes) {
            if ("persistent-claim".equals(volume.get("type")) && volume.get("size") == null) {
                problems.add(where + ": persistent-claim volume without size");
            }
        }
    }

    private static boolean isIngressController(NetworkPolicyPeer peer) {
        return peer.getNamespaceSelector() != null && peer.getPodSelector() == null && peer.getIpBlock() == null
                && !Labels.isEmpty(peer.getNamespaceSelector());
    }

    private static boolean isPrometheus(NetworkPolicyPeer peer) {
        return peer.getNamespaceSelector() != null && peer.getPodSelector() != null
                && Labels.matches(peer.getPodSelector(), Map.of("app.kubernetes.io/name", "prometheus"));
    }

    private static boolean opens(List<NetworkPolicyPort> ports, int port) {
        return ports != null && ports.stream().anyMatch(p -> p.getPort() != null
                && Objects.equals(p.getPort().getIntVal(), port));
    }

    /** The port named {@value #MANAGEMENT} the container declares; -1 if none. */
    private static int managementPort(Container container) {
        return Objects.requireNonNullElse(container.getPorts(), List.<ContainerPort>of()).stream()
                .filter(p -> MANAGEMENT.equals(p.getName())).map(ContainerPort::getContainerPort).findFirst().orElse(-1);
    }

    private static boolean isManagementPort(Container container, IntOrString port) {
        int management = managementPort(container);
        return management != -1 && port != null
                && (MANAGEMENT.equals(port.getStrVal()) || Objects.equals(port.getIntVal(), management));
    }

    private static boolean hasPort(Container container, IntOrString port) {
        return container.getPorts() != null && container.getPorts().stream()
                .anyMatch(p -> Objects.equals(p.getName(), port.getStrVal())
                        || Objects.equals(p.getContainerPort(), port.getIntVal()));
    }

    private static Optional<ServiceModule> service(Deployment deployment) {
        return SERVICES.stream().filter(s -> s.name().equals(deployment.getMetadata().getName())).findFirst();
    }

    private static Deployment deployment(RenderedOverlay rendered, String name) {
        return rendered.all(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(rendered + " renders no Deployment " + name));
    }

    /** A variable's value as the container sees it: its env list first, then its ConfigMaps. */
    private static Optional<String> env(RenderedOverlay rendered, Container container, String name) {
        for (EnvVar env : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
            if (env.getName().equals(name) && env.getValue() != null) {
                return Optional.of(env.getValue());
            }
        }
        for (EnvFromSource from : Objects.requireNonNullElse(container.getEnvFrom(), List.<EnvFromSource>of())) {
            if (from.getConfigMapRef() != null) {
                Optional<String> value = rendered.configMap(from.getConfigMapRef().getName())
                        .map(c -> c.getData().get(name));
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<SecretKeySelector> secretKeyRef(Container container, String name) {
        return Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of()).stream()
                .filter(e -> e.getName().equals(name) && e.getValueFrom() != null)
                .map(e -> e.getValueFrom().getSecretKeyRef())
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** Every variable name the container is given whose name can be known from the render. */
    private static Set<String> envNames(RenderedOverlay rendered, Container container) {
        Set<String> names = new TreeSet<>();
        Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of()).forEach(e -> names.add(e.getName()));
        for (EnvFromSource from : Objects.requireNonNullElse(container.getEnvFrom(), List.<EnvFromSource>of())) {
            if (from.getConfigMapRef() != null) {
                rendered.configMap(from.getConfigMapRef().getName()).ifPresent(c -> names.addAll(c.getData().keySet()));
            }
            if (from.getSecretRef() != null) {
                rendered.secret(from.getSecretRef().getName()).ifPresent(s -> {
                    names.addAll(Objects.requireNonNullElse(s.getData(), Map.<String, String>of()).keySet());
                    names.addAll(Objects.requireNonNullElse(s.getStringData(), Map.<String, String>of()).keySet());
                });
            }
        }
        return names;
    }

    /** Whether the container takes variables from a Secret that is not rendered (its keys cannot be known). */
    private static boolean secretBacked(RenderedOverlay rendered, Container container) {
        return Objects.requireNonNullElse(container.getEnvFrom(), List.<EnvFromSource>of()).stream()
                .anyMatch(f -> f.getSecretRef() != null && rendered.secret(f.getSecretRef().getName()).isEmpty());
    }

    private static String kafkaBootstrap(RenderedOverlay rendered) {
        List<GenericKubernetesResource> kafkas = rendered.custom("Kafka");
        assertThat(kafkas).as("%s renders one Kafka", rendered).hasSize(1);
        int port = kafkaListenerPorts(rendered).stream().findFirst().orElse(-1);
        return kafkas.get(0).getMetadata().getName() + "-kafka-bootstrap:" + port;
    }

    /** The ports of the Kafka's plain (non-TLS) internal listeners, which the services use. */
    private static List<Integer> kafkaListenerPorts(RenderedOverlay rendered) {
        return rendered.custom("Kafka").stream()
                .flatMap(k -> list(k.get("spec", "kafka", "listeners")).stream())
                .filter(l -> "internal".equals(l.get("type")) && Boolean.FALSE.equals(l.get("tls")))
                .map(l -> number(l.get("port"), -1))
                .toList();
    }

    private static Map<String, Integer> topicPartitions(RenderedOverlay rendered) {
        return rendered.custom("KafkaTopic").stream()
                .collect(Collectors.toMap(KustomizeOverlaysTest::topicName, t -> number(t.get("spec", "partitions"), 0)));
    }

    private static String topicName(GenericKubernetesResource topic) {
        String name = topic.get("spec", "topicName");
        return name != null ? name : topic.getMetadata().getName();
    }

    private static String label(HasMetadata object, String key) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? null : labels.get(key);
    }

    private static void requireAll(String what, String text, List<String> needles, List<String> problems) {
        for (String needle : needles) {
            if (!text.contains(needle)) {
                problems.add(what + " never use " + needle);
            }
        }
    }

    private static JsonNode readJson(String where, String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(where + " is not JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static int number(Object value, int otherwise) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof String text && text.matches("\\d+")) {
            return Integer.parseInt(text);
        }
        return otherwise;
    }

    private static boolean isEmpty(Collection<?> collection) {
        return collection == null || collection.isEmpty();
    }

    private static String describe(HasMetadata object) {
        return object.getKind() + " " + object.getMetadata().getName();
    }

    private static void report(RenderedOverlay rendered, List<String> problems, String checked, Object... counts) {
        assertThat(problems).as("%s:%n  %s", rendered, String.join("\n  ", problems)).isEmpty();
        System.out.printf("deploy-tests [%s]: " + checked + "%n",
                Stream.concat(Stream.of(rendered.name()), Stream.of(counts)).toArray());
    }
}
