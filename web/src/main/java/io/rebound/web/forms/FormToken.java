package io.rebound.web.forms;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CSRF token for the hidden field of every form ({@code inject:forms.token}), as quarkus-rest-csrf put it on
 * this request. Unlike {@code inject:csrf}, it says when there is none (an error page for an address no page
 * answers), so such a page leaves its forms out instead of failing.
 */
@RequestScoped
@Named("forms")
public class FormToken {

    private static final String TOKEN_KEY = "csrf_token";

    private final CurrentVertxRequest request;
    private final String parameterName;

    public FormToken(CurrentVertxRequest request,
            @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token") String parameterName) {
        this.request = request;
        this.parameterName = parameterName;
    }

    public boolean isAvailable() {
        return token() != null;
    }

    public String getToken() {
        String token = token();
        return token == null ? "" : token;
    }

    public String getParameterName() {
        return parameterName;
    }

    private String token() {
        RoutingContext context = request.getCurrent();
        Object token = context == null ? null : context.get(TOKEN_KEY);
        return token == null ? null : token.toString();
    }
}
