package io.rebound.web.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebound.web.client.ApiException;
import io.rebound.web.client.ApiProblem;
import io.rebound.web.client.AuthorizationAnswer;
import io.rebound.web.client.AuthorizationRequest;
import io.rebound.web.client.ConnectionList;
import io.rebound.web.client.ConnectionRequest;
import io.rebound.web.client.ConnectionsApi;
import io.rebound.web.client.NewConnection;
import io.rebound.web.errors.PageException;
import io.rebound.web.security.Viewer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceConnectionsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Viewer SAM = new Viewer("demo-runner", "Sam Demo", Set.of(Viewer.RUNNER));
    private static final Viewer ROBIN = new Viewer("other-runner", "Robin", Set.of(Viewer.RUNNER));

    /** activity-service as the contract describes it, answering what each test sets. */
    static final class FakeApi implements ConnectionsApi {
        final List<AuthorizationRequest> authorizations = new ArrayList<>();
        final List<ConnectionRequest> connects = new ArrayList<>();
        final List<String> disconnects = new ArrayList<>();
        RuntimeException failure;
        NewConnection made = new NewConnection("strava", "12345", NOW, 0, "queued");

        @Override
        public ConnectionList list(String runnerId) {
            return new ConnectionList(List.of(), List.of("strava"));
        }

        @Override
        public AuthorizationAnswer authorization(String runnerId, String provider, AuthorizationRequest request) {
            authorizations.add(request);
            if (failure != null) {
                throw failure;
            }
            return new AuthorizationAnswer("https://www.strava.com/oauth/authorize?client_id=1&state=" + request.state());
        }

        @Override
        public NewConnection connect(String runnerId, String provider, ConnectionRequest request) {
            connects.add(request);
            if (failure != null) {
                throw failure;
            }
            return made;
        }

        @Override
        public void disconnect(String runnerId, String provider) {
            disconnects.add(runnerId + "/" + provider);
            if (failure != null) {
                throw failure;
            }
        }
    }

    private final FakeApi api = new FakeApi();
    private final ConnectCookie cookies = new ConnectCookie("thirty-two-characters-of-test-secret".getBytes(StandardCharsets.UTF_8),
            new SecureRandom());
    private Instant clock = NOW;

    private DeviceConnections connections() {
        return new DeviceConnections(api, cookies, "http://localhost:8080/", Clock.fixed(clock, ZoneOffset.UTC));
    }

    private static ApiException problem(int status, String field) {
        return new ApiException(status, new ApiProblem(null, "refused", status, "refused",
                field == null ? List.of() : List.of(new ApiProblem.FieldError(field, "not accepted"))));
    }

    @Test
    void connectSendsTheBrowserToTheProviderWithTheStateAndTheChallengeOfTheVerifierKeptInTheCookie() {
        DeviceConnections.Step step = connections().start(SAM, "demo-runner", DeviceProvider.STRAVA);

        AuthorizationRequest asked = api.authorizations.get(0);
        assertThat(asked.redirectUri()).isEqualTo("http://localhost:8080/devices/callback/strava");
        assertThat(step.location().toString()).startsWith("https://www.strava.com/oauth/authorize").endsWith(asked.state());
        ConnectCookie.Check kept = cookies.check(step.cookie(), DeviceProvider.STRAVA, asked.state(), "demo-runner", NOW);
        assertThat(kept.valid()).isTrue();
        assertThat(kept.state().runnerId()).isEqualTo("demo-runner");
        assertThat(asked.codeChallenge()).isEqualTo(Pkce.challenge(kept.state().verifier()));
    }

    @Test
    void onlyTheRunnerThemselvesMayConnect() {
        Viewer pt = new Viewer("pt-demo", "Dr. Ortiz", Set.of(Viewer.PT));

        assertThatThrownBy(() -> connections().start(ROBIN, "demo-runner", DeviceProvider.STRAVA))
                .isInstanceOfSatisfying(PageException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> connections().start(pt, "demo-runner", DeviceProvider.STRAVA))
                .isInstanceOf(PageException.class);
        assertThat(api.authorizations).isEmpty();
    }

    @Test
    void aProviderTheServerDoesNotOfferSaysSoAndSetsNoCookie() {
        api.failure = problem(503, null);

        DeviceConnections.Step step = connections().start(SAM, "demo-runner", DeviceProvider.POLAR);

        assertThat(step.location()).isEqualTo(URI.create("/runners/demo-runner/devices?outcome=not-offered&provider=polar"));
        assertThat(step.cookie()).isNull();
    }

    @Test
    void anAuthorizationAddressThatIsNoWebAddressIsNotFollowed() {
        assertThat(DeviceConnections.providerPage(new AuthorizationAnswer("javascript:alert(1)"))).isNull();
        assertThat(DeviceConnections.providerPage(new AuthorizationAnswer("/relative"))).isNull();
        assertThat(DeviceConnections.providerPage(new AuthorizationAnswer(null))).isNull();
        assertThat(DeviceConnections.providerPage(new AuthorizationAnswer("https://flow.polar.com/oauth2/authorization?x=1")))
                .isNotNull();
    }

    /** Starts an attempt as Sam and answers the cookie and the state the provider would echo. */
    private String[] started() {
        DeviceConnections.Step step = connections().start(SAM, "demo-runner", DeviceProvider.STRAVA);
        return new String[] {step.cookie(), api.authorizations.get(api.authorizations.size() - 1).state()};
    }

    @Test
    void theProvidersAnswerIsTradedWithTheVerifierAndTheRunnerIsToldTheirWeeksAreBeingFetched() {
        String[] attempt = started();
        api.made = new NewConnection("strava", "12345", NOW, 2, "queued");

        DeviceConnections.Step step = connections().finish(SAM, DeviceProvider.STRAVA, attempt[0], "the-code", attempt[1],
                "read,activity:read_all", null);

        ConnectionRequest sent = api.connects.get(0);
        assertThat(sent.code()).isEqualTo("the-code");
        assertThat(sent.redirectUri()).isEqualTo("http://localhost:8080/devices/callback/strava");
        assertThat(sent.scope()).isEqualTo("read,activity:read_all");
        assertThat(Pkce.challenge(sent.codeVerifier())).isEqualTo(api.authorizations.get(0).codeChallenge());
        assertThat(step.location()).isEqualTo(
                URI.create("/runners/demo-runner/devices?outcome=connected-backfill&provider=strava&replayed=2"));
    }

    @Test
    void aForgedStateChangesNothing() {
        String[] attempt = started();

        DeviceConnections.Step step = connections().finish(SAM, DeviceProvider.STRAVA, attempt[0], "the-code",
                "a-state-someone-made-up", null, null);

        assertThat(api.connects).isEmpty();
        assertThat(step.location().getQuery()).isEqualTo("outcome=stale&provider=strava");
    }

    @Test
    void anAnswerWithoutTheCookieChangesNothing() {
        String[] attempt = started();

        DeviceConnections.Step step = connections().finish(SAM, DeviceProvider.STRAVA, null, "the-code", attempt[1], null, null);

        assertThat(api.connects).isEmpty();
        assertThat(step.location().getQuery()).isEqualTo("outcome=stale&provider=strava");
    }

    @Test
    void anAttemptStartedByAnotherRunnerChangesNothing() {
        String[] attempt = started();

        DeviceConnections.Step step = connections().finish(ROBIN, DeviceProvider.STRAVA, attempt[0], "the-code", attempt[1],
                null, null);

        assertThat(api.connects).isEmpty();
        assertThat(step.location()).isEqualTo(URI.create("/runners/other-runner/devices?outcome=stale&provider=strava"));
    }

    @Test
    void anAnswerForAnotherProviderChangesNothing() {
        String[] attempt = started();

        DeviceConnections.Step step = connections().finish(SAM, DeviceProvider.GARMIN, attempt[0], "the-code", attempt[1],
                null, null);

        assertThat(api.connects).isEmpty();
        assertThat(step.location().getQuery()).isEqualTo("outcome=stale&provider=garmin");
    }

    @Test
    void anAnswerAfterTenMinutesChangesNothing() {
        String[] attempt = started();
        clock = NOW.plusSeconds(601);

        DeviceConnections.Step step = connections().finish(SAM, DeviceProvider.STRAVA, attempt[0], "the-code", attempt[1],
                null, null);

        assertThat(api.connects).isEmpty();
        assertThat(step.location().getQuery()).isEqualTo("outcome=expired&provider=strava");
    }

    @Test
    void aRunnerWhoSaidNoIsToldSoAndNothingIsAsked() {
        String[] attempt = started();

        DeviceConnections.Step step = connections().finish(SAM, DeviceProvider.STRAVA, attempt[0], null, attempt[1], null,
                "access_denied");

        assertThat(api.connects).isEmpty();
        assertThat(step.location().getQuery()).isEqualTo("outcome=denied&provider=strava");
    }

    @Test
    void eachRefusalOfTheServiceIsSaidInItsOwnWords() {
        assertThat(refusedWith(problem(400, "scope"))).isEqualTo("outcome=scope-missing&provider=strava");
        assertThat(refusedWith(problem(400, "code"))).isEqualTo("outcome=code-refused&provider=strava");
        assertThat(refusedWith(problem(409, null))).isEqualTo("outcome=linked-elsewhere&provider=strava");
        assertThat(refusedWith(problem(502, null))).isEqualTo("outcome=provider-down&provider=strava");
        assertThat(refusedWith(problem(500, null))).isEqualTo("outcome=unavailable&provider=strava");
    }

    private String refusedWith(ApiException refusal) {
        api.failure = null;
        String[] attempt = started();
        api.failure = refusal;
        return connections().finish(SAM, DeviceProvider.STRAVA, attempt[0], "the-code", attempt[1], null, null)
                .location().getQuery();
    }

    @Test
    void disconnectingWhatIsNotConnectedSaysSo() {
        api.failure = problem(404, null);

        assertThat(connections().disconnect(SAM, "demo-runner", DeviceProvider.STRAVA).location().getQuery())
                .isEqualTo("outcome=not-connected&provider=strava");
        api.failure = null;
        assertThat(connections().disconnect(SAM, "demo-runner", DeviceProvider.STRAVA).location().getQuery())
                .isEqualTo("outcome=disconnected&provider=strava");
        assertThat(api.disconnects).containsExactly("demo-runner/strava", "demo-runner/strava");
        assertThatThrownBy(() -> connections().disconnect(ROBIN, "demo-runner", DeviceProvider.STRAVA))
                .isInstanceOf(PageException.class);
    }

    @Test
    void theMessagesNameTheProviderAndTheActivitiesAddedBefore() {
        assertThat(DeviceOutcome.CONNECTED_BACKFILL.message(DeviceProvider.STRAVA, 0))
                .startsWith("Strava is connected.").contains("last 16 weeks");
        assertThat(DeviceOutcome.CONNECTED.message(DeviceProvider.POLAR, 3)).contains("3 activities Polar had sent before");
        assertThat(DeviceOutcome.LINKED_ELSEWHERE.message(DeviceProvider.GARMIN, 0)).contains("Garmin account")
                .contains("nothing changed");
        assertThat(DeviceOutcome.of("made-up")).isEmpty();
    }
}
