package io.rebound.web.settings;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rebound.web.client.ApiException;
import io.rebound.web.client.NotificationApi;
import io.rebound.web.client.Preferences;
import io.rebound.web.client.PreferencesChange;
import io.rebound.web.forms.FormErrors;
import io.rebound.web.security.Viewer;
import io.rebound.web.security.Viewers;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** The signed-in person's email preferences in notification-service: digest (PTs), quiet hours, time zone. */
@Path("/settings/email")
public class EmailSettingsResource {

    static final Map<String, String> FIELDS = Map.of("digest", "digest", "quietHours", "quietFrom",
            "quietHours.from", "quietFrom", "quietHours.to", "quietTo", "timeZone", "timeZone");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(Viewer viewer, String section, Preferences preferences, Form form,
                List<String> zones, FormErrors errors, boolean saved);
    }

    /** The form as sent (or as it starts, from the stored preferences). */
    public static class Form {
        @RestForm public String digest;
        @RestForm public String quietFrom;
        @RestForm public String quietTo;
        @RestForm public String timeZone;

        static Form of(Preferences preferences) {
            Form form = new Form();
            form.digest = preferences.digest() ? "on" : null;
            form.quietFrom = preferences.quietHours() == null ? "" : preferences.quietHours().from();
            form.quietTo = preferences.quietHours() == null ? "" : preferences.quietHours().to();
            form.timeZone = preferences.timeZone();
            return form;
        }

        public boolean digestOn() {
            return digest != null && !digest.isBlank();
        }
    }

    private final NotificationApi notifications;
    private final Viewers viewers;

    public EmailSettingsResource(@RestClient NotificationApi notifications, Viewers viewers) {
        this.notifications = notifications;
        this.viewers = viewers;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance settings(@QueryParam("saved") String saved) {
        Viewer viewer = viewers.current();
        Preferences preferences = preferencesOf(viewer);
        Form form = preferences == null ? new Form() : Form.of(preferences);
        return Templates.settings(viewer, "settings", preferences, form, Zones.with(form.timeZone), FormErrors.none(),
                saved != null);
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Produces(MediaType.TEXT_HTML)
    public Response save(@BeanParam Form form) {
        Viewer viewer = viewers.current();
        Preferences preferences = preferencesOf(viewer);
        if (preferences == null) {
            return Response.seeOther(URI.create("/settings/email")).build();
        }
        Map<String, String> problems = new LinkedHashMap<>();
        String from = trim(form.quietFrom);
        String to = trim(form.quietTo);
        Preferences.QuietHours quiet = null;
        if (!from.isEmpty() || !to.isEmpty()) {
            if (from.isEmpty()) {
                problems.put("quietFrom", "Give the time quiet hours start, or clear both times for none.");
            } else if (!time(from)) {
                problems.put("quietFrom", "Enter a time like 22:00.");
            }
            if (to.isEmpty()) {
                problems.put("quietTo", "Give the time quiet hours end, or clear both times for none.");
            } else if (!time(to)) {
                problems.put("quietTo", "Enter a time like 07:00.");
            }
            if (problems.isEmpty() && from.equals(to)) {
                problems.put("quietTo", "The end must differ from the start (22:00 to 07:00 runs across midnight).");
            }
            quiet = new Preferences.QuietHours(from, to);
        }
        String zone = trim(form.timeZone);
        if (zone.isEmpty() || !zone(zone)) {
            problems.put("timeZone", "Choose a time zone such as Europe/London.");
        }
        if (problems.isEmpty()) {
            try {
                notifications.put(viewer.subject(), new PreferencesChange(viewer.pt() ? form.digestOn() : null,
                        quiet, zone));
                return Response.seeOther(URI.create("/settings/email?saved=1")).build();
            } catch (ApiException e) {
                if (!e.isFormProblem()) {
                    throw e;
                }
                return again(viewer, preferences, form, FormErrors.from(e.problem(), FIELDS));
            }
        }
        return again(viewer, preferences, form, FormErrors.fields(problems));
    }

    private Response again(Viewer viewer, Preferences preferences, Form form, FormErrors errors) {
        String html = Templates.settings(viewer, "settings", preferences, form, Zones.with(form.timeZone), errors,
                false).render();
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(html).build();
    }

    /** Null when no plan names this person yet: notification-service knows them only from plans. */
    private Preferences preferencesOf(Viewer viewer) {
        try {
            return notifications.get(viewer.subject());
        } catch (ApiException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private static boolean time(String value) {
        try {
            LocalTime.parse(value);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean zone(String value) {
        try {
            ZoneId.of(value);
            return value.contains("/") || value.equals("UTC");
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
