package io.rebound.web.devices;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rebound.web.client.ApiException;
import io.rebound.web.client.ConnectionList;
import io.rebound.web.client.ConnectionView;
import io.rebound.web.client.ConnectionsApi;
import io.rebound.web.client.PlanApi;
import io.rebound.web.client.PlanView;
import io.rebound.web.errors.PageException;
import io.rebound.web.runners.RunnerResource;
import io.rebound.web.security.Viewer;
import io.rebound.web.security.Viewers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A runner's Devices page: their connections to Strava, Polar and Garmin, "Connect" for each provider this server
 * offers, and "Disconnect" (after a confirmation). The runner connects their own accounts; the clinic desk may
 * disconnect one; a PT only looks, when activity-service lets them.
 */
@Path("/runners/{runnerId}/devices")
public class DevicesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance devices(Viewer viewer, String section, boolean own, String runnerId, String runnerName,
                boolean visible, List<DeviceRow> connections, List<DeviceProvider> connectable, boolean canConnect,
                boolean canDisconnect, String notice, boolean success);

        static native TemplateInstance disconnect(Viewer viewer, String section, String runnerId, DeviceProvider provider,
                DeviceRow connection);
    }

    private final ConnectionsApi connections;
    private final PlanApi plans;
    private final DeviceConnections connecting;
    private final Viewers viewers;
    private final boolean secureCookies;

    public DevicesResource(@RestClient ConnectionsApi connections, @RestClient PlanApi plans, DeviceConnections connecting,
            Viewers viewers, @ConfigProperty(name = "quarkus.oidc.authentication.cookie-force-secure") boolean secureCookies) {
        this.connections = connections;
        this.plans = plans;
        this.connecting = connecting;
        this.viewers = viewers;
        this.secureCookies = secureCookies;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance devices(@PathParam("runnerId") String runnerId, @QueryParam("outcome") String outcome,
            @QueryParam("provider") String provider, @QueryParam("replayed") String replayed) {
        String id = RunnerResource.checked(runnerId);
        Viewer viewer = viewers.current();
        String name = runnerName(viewer, id);
        ConnectionList list = visibleConnections(viewer, id);
        List<String> available = list == null ? List.of() : list.availableOrEmpty();
        List<DeviceRow> rows = list == null ? List.of() : list.connectionsOrEmpty().stream()
                .map(c -> DeviceRow.of(c, available.contains(c.provider()))).toList();
        List<String> linked = list == null ? List.of()
                : list.connectionsOrEmpty().stream().map(ConnectionView::provider).toList();
        // "Connect" for each provider the server offers that is not connected yet; a stale one has "Reconnect".
        List<DeviceProvider> connectable = available.stream().map(DeviceProvider::of).flatMap(Optional::stream)
                .filter(p -> !linked.contains(p.id())).toList();
        Optional<DeviceOutcome> said = DeviceOutcome.of(outcome);
        Optional<DeviceProvider> about = DeviceProvider.of(provider);
        String notice = said.isPresent() && about.isPresent() ? said.get().message(about.get(), count(replayed)) : null;
        boolean own = viewer.isRunner(id);
        return Templates.devices(viewer, own ? "devices" : "runners", own, id, name, list != null, rows, connectable,
                own, own || viewer.admin(), notice, said.map(DeviceOutcome::success).orElse(false));
    }

    @POST
    @Path("/{provider}/connect")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response connect(@PathParam("runnerId") String runnerId, @PathParam("provider") String provider) {
        String id = RunnerResource.checked(runnerId);
        DeviceConnections.Step step = connecting.start(viewers.current(), id, provider(provider));
        Response.ResponseBuilder answer = Response.seeOther(step.location());
        if (step.cookie() != null) {
            answer.cookie(cookie(step.cookie(), (int) ConnectCookie.LIFETIME.toSeconds()));
        }
        return answer.build();
    }

    @GET
    @Path("/{provider}/disconnect")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance confirmDisconnect(@PathParam("runnerId") String runnerId, @PathParam("provider") String provider) {
        String id = RunnerResource.checked(runnerId);
        DeviceProvider which = provider(provider);
        Viewer viewer = viewers.current();
        if (!viewer.isRunner(id) && !viewer.admin()) {
            throw PageException.forbidden("Only the runner and the clinic desk can disconnect a watch or app.");
        }
        ConnectionList list = connections.list(id);
        DeviceRow row = list.connectionsOrEmpty().stream().filter(c -> which.id().equals(c.provider())).findFirst()
                .map(c -> DeviceRow.of(c, false)).orElse(null);
        return Templates.disconnect(viewer, viewer.isRunner(id) ? "devices" : "runners", id, which, row);
    }

    @POST
    @Path("/{provider}/disconnect")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response disconnect(@PathParam("runnerId") String runnerId, @PathParam("provider") String provider) {
        String id = RunnerResource.checked(runnerId);
        return Response.seeOther(connecting.disconnect(viewers.current(), id, provider(provider)).location()).build();
    }

    /**
     * The connect cookie, for the callback only. SameSite=Lax: the provider sends the browser back with a top-level
     * GET from its own site, which Lax lets the cookie ride along with.
     */
    NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(ConnectCookie.NAME).value(value).path(ConnectCookie.PATH).maxAge(maxAge)
                .httpOnly(true).secure(secureCookies).sameSite(NewCookie.SameSite.LAX).build();
    }

    /**
     * The runner's name: from their plan, which also tells a PT whether the runner is theirs (plan-service answers 404
     * when not). A runner, or the clinic desk, may look before any plan names the runner.
     */
    private String runnerName(Viewer viewer, String id) {
        try {
            PlanView plan = plans.plan(id);
            return plan.runner() == null ? null : plan.runner().name();
        } catch (ApiException e) {
            if (e.status() == 404 && (viewer.isRunner(id) || viewer.admin())) {
                return null;
            }
            throw e;
        }
    }

    /** The connections, or null when activity-service does not show them to this viewer (a PT, today). */
    private ConnectionList visibleConnections(Viewer viewer, String id) {
        try {
            return connections.list(id);
        } catch (ApiException e) {
            if (e.status() == 403 && !viewer.isRunner(id)) {
                return null;
            }
            throw e;
        }
    }

    static DeviceProvider provider(String id) {
        return DeviceProvider.of(id).orElseThrow(PageException::notFound);
    }

    private static int count(String replayed) {
        try {
            return replayed == null ? 0 : Math.max(0, Math.min(100_000, Integer.parseInt(replayed)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
