package io.rebound.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The web app's manifests (people's front door): it reaches each service's API by its Service, each service lets it
 * in, it signs people in with its client secret from a Secret, and emails link to where the ingress publishes it.
 * The checks every Deployment gets (probes, budget, policies, monitor) are in {@link KustomizeOverlaysTest}.
 */
class WebAppManifestsTest {

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod", "prod+keycloak"})
    void theWebAppCallsEachServiceByItsServiceAndSignsInWithItsOwnSecret(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> problems = new ArrayList<>();
        Deployment web = rendered.all(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(Repo.WEB))
                .findFirst().orElseThrow(() -> new AssertionError(rendered + " renders no Deployment " + Repo.WEB));
        Container container = web.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> config = KeycloakComponentTest.config(rendered, Repo.WEB);
        Map<String, Integer> ports = new java.util.TreeMap<>();
        for (ContainerPort port : container.getPorts()) {
            ports.put(port.getName(), port.getContainerPort());
        }
        if (!Objects.equals(ports.get("http"), 8080) || !Objects.equals(ports.get("management"), 9000)) {
            problems.add("web: container ports " + ports + ", expected http 8080 and management 9000");
        }
        String management = Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of()).stream()
                .filter(e -> e.getName().equals("REBOUND_MANAGEMENT_PORT")).map(EnvVar::getValue).findFirst().orElse(null);
        if (!"9000".equals(management)) {
            problems.add("web: REBOUND_MANAGEMENT_PORT=" + management + ", expected 9000 (its management port)");
        }
        for (String setting : List.of("REBOUND_OIDC_AUTH_SERVER_URL", "REBOUND_OIDC_CLIENT_ID")) {
            if (config.get(setting) == null || config.get(setting).isBlank()) {
                problems.add("web is not given " + setting);
            }
        }
        if (!"rebound-web".equals(config.get("REBOUND_OIDC_CLIENT_ID"))) {
            problems.add("web: REBOUND_OIDC_CLIENT_ID=" + config.get("REBOUND_OIDC_CLIENT_ID") + ", the realm's client is rebound-web");
        }
        boolean secretFromSecret = Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of()).stream()
                .anyMatch(e -> e.getName().equals("REBOUND_OIDC_CLIENT_SECRET") && e.getValueFrom() != null
                        && e.getValueFrom().getSecretKeyRef() != null);
        if (!secretFromSecret || config.containsKey("REBOUND_OIDC_CLIENT_SECRET")) {
            problems.add("web: REBOUND_OIDC_CLIENT_SECRET must come from a Secret (secretKeyRef), never a ConfigMap");
        }

        Map<String, String> apis = Map.of("REBOUND_ACTIVITY_URL", "activity-service", "REBOUND_PLAN_URL", "plan-service",
                "REBOUND_NOTIFICATION_URL", "notification-service");
        Map<String, String> webPods = web.getSpec().getTemplate().getMetadata().getLabels();
        for (Map.Entry<String, String> api : apis.entrySet()) {
            Service service = rendered.all(Service.class).stream().filter(s -> s.getMetadata().getName().equals(api.getValue()))
                    .findFirst().orElse(null);
            if (service == null) {
                problems.add("web calls " + api.getValue() + ", which has no Service");
                continue;
            }
            int port = service.getSpec().getPorts().stream().filter(p -> "http".equals(p.getName()))
                    .map(p -> p.getPort()).findFirst().orElse(-1);
            String expected = "http://" + api.getValue() + ":" + port;
            if (!expected.equals(config.get(api.getKey()))) {
                problems.add("web: " + api.getKey() + "=" + config.get(api.getKey()) + ", expected " + expected);
            }
            Map<String, String> servicePods = service.getSpec().getSelector();
            if (!KeycloakComponentTest.egress(rendered, webPods, servicePods, port)) {
                problems.add("web's NetworkPolicies do not let it reach " + api.getValue() + " on " + port);
            }
            if (!KeycloakComponentTest.ingress(rendered, servicePods, webPods, port)) {
                problems.add(api.getValue() + "'s NetworkPolicies do not let the web app in on " + port);
            }
        }

        String host = KeycloakComponentTest.host(rendered, Repo.WEB);
        boolean tls = rendered.all(Ingress.class).stream()
                .flatMap(i -> Objects.requireNonNullElse(i.getSpec().getTls(), List.<IngressTLS>of()).stream())
                .anyMatch(t -> t.getHosts().contains(host));
        String base = KeycloakComponentTest.config(rendered, "notification-service").get("REBOUND_PUBLIC_BASE_URL");
        if (!Objects.equals(base, config.get("REBOUND_PUBLIC_BASE_URL"))) {
            problems.add("web knows itself as " + config.get("REBOUND_PUBLIC_BASE_URL") + " (where providers send runners"
                    + " back) but emails link to " + base);
        }
        if (overlay.startsWith("prod")) {
            if (!tls) {
                problems.add("the web app's host " + host + " has no TLS");
            }
            if (!("https://" + host).equals(base)) {
                problems.add("notification-service links emails to " + base + ", not the web app at https://" + host);
            }
        } else if (!"http://localhost:8080".equals(base)) {
            problems.add("notification-service links emails to " + base + ", not the port-forwarded web app http://localhost:8080");
        }
        assertThat(problems).as("%s:%n  %s", rendered, String.join("\n  ", problems)).isEmpty();
        System.out.printf("deploy-tests [%s]: web on 8080 (management 9000) at %s, client rebound-web with its secret from a"
                + " Secret, the three APIs by their Services with NetworkPolicies open both ways, emails linking to it%n",
                rendered.name(), host);
    }
}
