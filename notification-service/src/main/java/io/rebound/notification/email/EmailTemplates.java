package io.rebound.notification.email;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.rebound.notification.email.words.Wordings;
import jakarta.enterprise.context.ApplicationScoped;

/** The email templates of the configured language, from {@code templates/email/<language>/}. */
@ApplicationScoped
public class EmailTemplates {

    private final Engine engine;
    private final String folder;

    public EmailTemplates(Engine engine, Wordings wordings) {
        this.engine = engine;
        this.folder = "email/" + wordings.chosen().language() + "/";
    }

    /** For example {@code get("runner.html")}; a template missing from the language's folder is a build mistake. */
    public Template get(String name) {
        Template template = engine.getTemplate(folder + name);
        if (template == null) {
            throw new IllegalStateException("no email template " + folder + name);
        }
        return template;
    }
}
