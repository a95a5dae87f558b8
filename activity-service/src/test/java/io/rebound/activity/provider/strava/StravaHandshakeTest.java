package io.rebound.activity.provider.strava;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StravaHandshakeTest {

    private static final String TOKEN = "rebound-strava-verify-7f3a";

    @Test
    void rightTokenEchoesTheChallenge() {
        assertThat(StravaHandshake.answer("subscribe", TOKEN, "15f7d1a91c1f40f8a748fd134752feb3", TOKEN))
                .contains("{\"hub.challenge\":\"15f7d1a91c1f40f8a748fd134752feb3\"}");
    }

    @Test
    void challengeIsEscapedAsJson() {
        assertThat(StravaHandshake.answer("subscribe", TOKEN, "a\"b\\c", TOKEN))
                .contains("{\"hub.challenge\":\"a\\\"b\\\\c\"}");
    }

    @Test
    void wrongTokenIsNotAnswered() {
        assertThat(StravaHandshake.answer("subscribe", "rebound-strava-verify-7f3b", "challenge", TOKEN)).isEmpty();
        assertThat(StravaHandshake.answer("subscribe", TOKEN + "x", "challenge", TOKEN)).isEmpty();
        assertThat(StravaHandshake.answer("subscribe", null, "challenge", TOKEN)).isEmpty();
    }

    @Test
    void otherModeIsNotAnswered() {
        assertThat(StravaHandshake.answer("unsubscribe", TOKEN, "challenge", TOKEN)).isEmpty();
        assertThat(StravaHandshake.answer(null, TOKEN, "challenge", TOKEN)).isEmpty();
    }

    @Test
    void unsetExpectedTokenMatchesNothing() {
        assertThat(StravaHandshake.answer("subscribe", "", "challenge", "")).isEmpty();
        assertThat(StravaHandshake.answer("subscribe", TOKEN, "challenge", null)).isEmpty();
    }

    @Test
    void missingChallengeIsNotAnswered() {
        assertThat(StravaHandshake.answer("subscribe", TOKEN, null, TOKEN)).isEmpty();
    }
}
