package io.rebound.notification;

import static io.restassured.RestAssured.given;

import io.rebound.infrastructure.Tokens;
import io.restassured.specification.RequestSpecification;

/** Requests with real signed tokens from devstack's issuer, for the caller a test speaks as. */
final class Callers {

    private static final String PREFERENCES = "/api/v1/recipients/";

    private Callers() {
    }

    /** As the runner themselves. */
    static RequestSpecification runner(String runnerId) {
        return given().auth().oauth2(Tokens.runner(runnerId));
    }

    /** As the PT with this id. */
    static RequestSpecification pt(String ptId) {
        return given().auth().oauth2(Tokens.pt(ptId));
    }

    static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin());
    }

    /** As the recipient whose preferences path this is: a PT for a {@code pt-} id, else the runner. */
    static RequestSpecification recipientOf(String preferencesPath) {
        String rest = preferencesPath.substring(preferencesPath.indexOf(PREFERENCES) + PREFERENCES.length());
        String recipientId = rest.substring(0, rest.indexOf('/'));
        return recipientId.startsWith("pt-") ? pt(recipientId) : runner(recipientId);
    }
}
