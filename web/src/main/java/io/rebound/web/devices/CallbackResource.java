package io.rebound.web.devices;

import io.rebound.web.security.Viewers;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where Strava, Polar and Garmin send the runner back after they said yes or no. The connect cookie is cleared
 * whatever happens (on the error pages too), so an answer is used once at most.
 */
@Path("/devices/callback/{provider}")
public class CallbackResource {

    private final DeviceConnections connecting;
    private final Viewers viewers;
    private final boolean secureCookies;

    public CallbackResource(DeviceConnections connecting, Viewers viewers,
            @ConfigProperty(name = "quarkus.oidc.authentication.cookie-force-secure") boolean secureCookies) {
        this.connecting = connecting;
        this.viewers = viewers;
        this.secureCookies = secureCookies;
    }

    @GET
    public Response back(@PathParam("provider") String provider, @CookieParam(ConnectCookie.NAME) String cookie,
            @QueryParam("code") String code, @QueryParam("state") String state, @QueryParam("scope") String scope,
            @QueryParam("error") String error, @Context HttpServerResponse response) {
        response.addCookie(Cookie.cookie(ConnectCookie.NAME, "").setPath(ConnectCookie.PATH).setMaxAge(0)
                .setHttpOnly(true).setSecure(secureCookies).setSameSite(CookieSameSite.LAX));
        DeviceConnections.Step step = connecting.finish(viewers.current(), DevicesResource.provider(provider), cookie,
                code, state, scope, error);
        return Response.seeOther(step.location()).build();
    }
}
