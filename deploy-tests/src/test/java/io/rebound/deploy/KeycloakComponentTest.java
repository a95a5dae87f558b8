package io.rebound.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/components/keycloak added to overlays/prod: the Keycloak the operator runs, the realm it imports (devstack's
 * realm without anything dev-only), its database, and the services and web app pointed at it.
 */
class KeycloakComponentTest {

    private static final String OVERLAY = "prod+keycloak";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERSION = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>");

    @Test
    void theRealmImportIsDevstacksRealmWithoutItsDemoUsersCheapHashingOrPasswordClient() {
        RenderedOverlay rendered = RenderedOverlay.of(OVERLAY);
        List<GenericKubernetesResource> imports = rendered.custom("KeycloakRealmImport");
        assertThat(imports).as("%s renders one KeycloakRealmImport", rendered).hasSize(1);
        JsonNode imported = JSON.valueToTree(imports.get(0).get("spec", "realm"));
        JsonNode dev = readJson(Repo.text(Repo.root().resolve("infrastructure/src/main/resources/keycloak/rebound-realm.json")));

        // The documented differences (realm-import.yaml's header), applied to the dev realm, give the import exactly.
        ObjectNode expected = dev.deepCopy();
        expected.remove("users");
        expected.remove("passwordPolicy");
        expected.put("accessTokenLifespan", 300);
        ArrayNode clients = expected.putArray("clients");
        String webHost = host(rendered, Repo.WEB);
        for (JsonNode client : dev.path("clients")) {
            if (client.path("clientId").asText().equals("rebound-cli")) {
                continue;
            }
            ObjectNode copy = client.deepCopy();
            if (client.path("clientId").asText().equals("rebound-web")) {
                copy.put("secret", "${REBOUND_WEB_CLIENT_SECRET}");
                copy.putArray("redirectUris").add("https://" + webHost + "/*");
                ((ObjectNode) copy.path("attributes")).put("post.logout.redirect.uris", "https://" + webHost + "/*");
            }
            clients.add(copy);
        }
        assertThat(imported).as("spec.realm of %s against the dev realm with the documented differences",
                imports.get(0).getMetadata().getName()).isEqualTo(expected);

        String text = imported.toString();
        assertThat(text).as("no user, credential or dev secret in the production realm")
                .doesNotContain("\"users\"").doesNotContain("credentials").doesNotContain("rebound-demo")
                .doesNotContain("rebound-web-dev-secret").doesNotContain("hashIterations");

        // The placeholder is filled from the web app's own Secret, so both sides of the client agree.
        Map<String, Object> placeholder = map(map(imports.get(0).get("spec", "placeholders")).get("REBOUND_WEB_CLIENT_SECRET"));
        Map<String, Object> secret = map(placeholder.get("secret"));
        assertThat(secret).containsEntry("name", "web-secrets").containsEntry("key", "REBOUND_OIDC_CLIENT_SECRET");
        assertThat(Repo.deployGuide()).contains("web-secrets");
        assertThat((String) imports.get(0).get("spec", "keycloakCRName")).isEqualTo(keycloak(rendered).getMetadata().getName());
        System.out.printf("deploy-tests [%s]: the realm import is the dev realm less its %d demo users, cheap hashing and"
                + " rebound-cli, with the client secret from web-secrets and redirects on %s%n", OVERLAY,
                dev.path("users").size(), webHost);
    }

    @Test
    void keycloakRunsTheDistributionsVersionOnItsOwnDatabaseWithAPinnedIssuer() {
        RenderedOverlay rendered = RenderedOverlay.of(OVERLAY);
        GenericKubernetesResource keycloak = keycloak(rendered);
        List<String> problems = new ArrayList<>();
        Matcher version = VERSION.matcher(Repo.text(Repo.root().resolve("infrastructure/pom.xml")));
        assertThat(version.find()).as("infrastructure/pom.xml names keycloak.version").isTrue();
        String image = keycloak.get("spec", "image");
        if (!Objects.equals(image, "quay.io/keycloak/keycloak:" + version.group(1))) {
            problems.add("image " + image + " is not Keycloak " + version.group(1) + ", which devstack runs");
        }
        String hostname = keycloak.get("spec", "hostname", "hostname");
        if (hostname == null || !hostname.startsWith("https://")) {
            problems.add("spec.hostname.hostname must pin the public https URL (the tokens' issuer), was " + hostname);
        }
        if (!Boolean.TRUE.equals(keycloak.get("spec", "hostname", "backchannelDynamic"))) {
            problems.add("spec.hostname.backchannelDynamic must be true: services fetch keys inside the cluster");
        }
        if (!Boolean.TRUE.equals(keycloak.get("spec", "http", "httpEnabled"))) {
            problems.add("spec.http.httpEnabled must be true: TLS ends at the ingress, services use port 8080");
        }

        GenericKubernetesResource cluster = rendered.custom("Cluster").get(0);
        String database = keycloak.get("spec", "db", "database");
        String userSecret = keycloak.get("spec", "db", "usernameSecret", "name");
        if (!Objects.equals(keycloak.get("spec", "db", "host"), cluster.getMetadata().getName() + "-rw")) {
            problems.add("spec.db.host must be " + cluster.getMetadata().getName() + "-rw (the primary)");
        }
        String owner = rendered.custom("Database").stream().filter(d -> Objects.equals(d.get("spec", "name"), database))
                .map(d -> (String) d.get("spec", "owner")).findFirst().orElse(null);
        if (owner == null) {
            problems.add("no CloudNativePG Database creates " + database);
        }
        boolean roleWithSecret = list(cluster.get("spec", "managed", "roles")).stream()
                .anyMatch(r -> Objects.equals(r.get("name"), owner)
                        && Objects.equals(map(r.get("passwordSecret")).get("name"), userSecret));
        if (!roleWithSecret) {
            problems.add("the Cluster manages no role " + owner + " with the password in " + userSecret + ", Keycloak's login");
        }
        if (!Repo.deployGuide().contains(userSecret)) {
            problems.add(userSecret + " is not named in docs/deploy.md, so nobody will create it");
        }
        List<String> services = list(cluster.get("spec", "managed", "roles")).stream().map(r -> (String) r.get("name")).toList();
        if (!services.containsAll(List.of("plan", "notification"))) {
            problems.add("the Cluster's managed roles lost the services' own: " + services);
        }
        assertThat(problems).as("%s:%n  %s", rendered, String.join("\n  ", problems)).isEmpty();
        System.out.printf("deploy-tests [%s]: Keycloak %s on database %s (owner %s, login %s), issuer pinned to %s,"
                + " backchannel dynamic%n", OVERLAY, version.group(1), database, owner, userSecret, hostname);
    }

    @Test
    void servicesTrustKeycloaksIssuerAndFetchItsKeysInsideTheCluster() {
        RenderedOverlay rendered = RenderedOverlay.of(OVERLAY);
        GenericKubernetesResource keycloak = keycloak(rendered);
        String issuer = keycloak.get("spec", "hostname", "hostname") + "/realms/rebound";
        String jwks = "http://" + keycloak.getMetadata().getName() + "-service:8080/realms/rebound/protocol/openid-connect/certs";
        List<String> problems = new ArrayList<>();
        for (ServiceModule service : Repo.services()) {
            Map<String, String> config = config(rendered, service.name());
            if (!issuer.equals(config.get("REBOUND_JWT_ISSUER"))) {
                problems.add(service.name() + ": REBOUND_JWT_ISSUER=" + config.get("REBOUND_JWT_ISSUER") + ", expected " + issuer);
            }
            if (!jwks.equals(config.get("REBOUND_JWKS_URL"))) {
                problems.add(service.name() + ": REBOUND_JWKS_URL=" + config.get("REBOUND_JWKS_URL") + ", expected " + jwks);
            }
        }
        String web = config(rendered, Repo.WEB).get("REBOUND_OIDC_AUTH_SERVER_URL");
        if (!issuer.equals(web)) {
            problems.add("web: REBOUND_OIDC_AUTH_SERVER_URL=" + web + ", expected " + issuer);
        }
        // The issuer's host is the one the Keycloak Ingress publishes, with TLS.
        String idHost = URI.create(issuer).getHost();
        if (!host(rendered, keycloak.getMetadata().getName() + "-service").equals(idHost)) {
            problems.add("no Ingress publishes " + idHost + " for Keycloak");
        }
        if (!tlsHosts(rendered).contains(idHost)) {
            problems.add(idHost + " has no TLS on any Ingress");
        }
        // Keycloak's pods can reach PostgreSQL, and PostgreSQL lets them in; Rebound's pods can reach Keycloak.
        Map<String, String> keycloakPods = Map.of("app", "keycloak", "app.kubernetes.io/instance", keycloak.getMetadata().getName());
        Map<String, String> postgresPods = Map.of("cnpg.io/cluster", rendered.custom("Cluster").get(0).getMetadata().getName());
        if (!egress(rendered, keycloakPods, postgresPods, 5432)) {
            problems.add("Keycloak's pods may not reach PostgreSQL on 5432");
        }
        if (!ingress(rendered, postgresPods, keycloakPods, 5432)) {
            problems.add("PostgreSQL does not let Keycloak's pods in on 5432");
        }
        for (String app : List.of("plan-service", "activity-service", "notification-service", Repo.WEB)) {
            Map<String, String> pods = Map.of("app.kubernetes.io/name", app, "app.kubernetes.io/part-of", "rebound");
            if (!egress(rendered, pods, keycloakPods, 8080) || !ingress(rendered, keycloakPods, pods, 8080)) {
                problems.add(app + " cannot reach Keycloak on 8080 (NetworkPolicies on either side)");
            }
        }
        assertThat(problems).as("%s:%n  %s", rendered, String.join("\n  ", problems)).isEmpty();
        System.out.printf("deploy-tests [%s]: services trust %s and fetch keys from %s; the web app signs in there;"
                + " policies open Keycloak to PostgreSQL and Rebound's pods to Keycloak%n", OVERLAY, issuer, jwks);
    }

    private static GenericKubernetesResource keycloak(RenderedOverlay rendered) {
        List<GenericKubernetesResource> keycloaks = rendered.custom("Keycloak");
        assertThat(keycloaks).as("%s renders one Keycloak", rendered).hasSize(1);
        return keycloaks.get(0);
    }

    /** The settings a Deployment's container takes from its ConfigMaps (their names carry kustomize's hash). */
    static Map<String, String> config(RenderedOverlay rendered, String deployment) {
        Deployment found = rendered.all(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(deployment))
                .findFirst().orElseThrow(() -> new AssertionError(rendered + " renders no Deployment " + deployment));
        Map<String, String> settings = new java.util.TreeMap<>();
        for (EnvFromSource from : Objects.requireNonNullElse(found.getSpec().getTemplate().getSpec().getContainers().get(0)
                .getEnvFrom(), List.<EnvFromSource>of())) {
            if (from.getConfigMapRef() != null) {
                rendered.configMap(from.getConfigMapRef().getName()).map(ConfigMap::getData).ifPresent(settings::putAll);
            }
        }
        return settings;
    }

    /** The host an Ingress routes to this Service. */
    static String host(RenderedOverlay rendered, String service) {
        return rendered.all(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class).stream()
                .flatMap(i -> i.getSpec().getRules().stream())
                .filter(r -> r.getHttp().getPaths().stream().anyMatch(p -> p.getBackend().getService().getName().equals(service)))
                .map(r -> r.getHost()).findFirst()
                .orElseThrow(() -> new AssertionError(rendered + ": no Ingress routes to " + service));
    }

    private static Set<String> tlsHosts(RenderedOverlay rendered) {
        return rendered.all(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class).stream()
                .flatMap(i -> Objects.requireNonNullElse(i.getSpec().getTls(),
                        List.<io.fabric8.kubernetes.api.model.networking.v1.IngressTLS>of()).stream())
                .flatMap(t -> t.getHosts().stream()).collect(java.util.stream.Collectors.toSet());
    }

    /** Whether some policy selecting {@code from} lets it out to {@code to} on the port. */
    static boolean egress(RenderedOverlay rendered, Map<String, String> from, Map<String, String> to, int port) {
        return rendered.all(NetworkPolicy.class).stream()
                .filter(p -> Labels.matches(p.getSpec().getPodSelector(), from))
                .flatMap(p -> Objects.requireNonNullElse(p.getSpec().getEgress(),
                        List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule>of()).stream())
                .anyMatch(r -> opens(r.getPorts(), port) && (r.getTo() == null || r.getTo().isEmpty()
                        || r.getTo().stream().anyMatch(peer -> selects(peer, to))));
    }

    /** Whether some policy selecting {@code to} lets {@code from} in on the port. */
    static boolean ingress(RenderedOverlay rendered, Map<String, String> to, Map<String, String> from, int port) {
        return rendered.all(NetworkPolicy.class).stream()
                .filter(p -> Labels.matches(p.getSpec().getPodSelector(), to))
                .flatMap(p -> Objects.requireNonNullElse(p.getSpec().getIngress(),
                        List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule>of()).stream())
                .anyMatch(r -> opens(r.getPorts(), port) && r.getFrom() != null
                        && r.getFrom().stream().anyMatch(peer -> selects(peer, from)));
    }

    /** A peer in the same namespace (no namespace selector) whose pod selector matches these labels. */
    private static boolean selects(NetworkPolicyPeer peer, Map<String, String> labels) {
        return peer.getNamespaceSelector() == null && peer.getIpBlock() == null && peer.getPodSelector() != null
                && Labels.matches(peer.getPodSelector(), labels);
    }

    private static boolean opens(List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort> ports, int port) {
        return ports != null && ports.stream().anyMatch(p -> p.getPort() != null && Objects.equals(p.getPort().getIntVal(), port));
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
}
