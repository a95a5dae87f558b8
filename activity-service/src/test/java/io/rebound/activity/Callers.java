package io.rebound.activity;

import static io.restassured.RestAssured.given;

import io.rebound.infrastructure.Tokens;
import io.restassured.specification.RequestSpecification;

/** Requests with real signed tokens from devstack's issuer, for the caller a test speaks as. */
public final class Callers {

    private Callers() {
    }

    /** As the runner themselves. */
    public static RequestSpecification runner(String runnerId) {
        return given().auth().oauth2(Tokens.runner(runnerId));
    }

    public static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin());
    }
}
