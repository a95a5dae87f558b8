package io.rebound.support.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.DecoderException;
import io.quarkus.logging.Log;
import io.rebound.support.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

/**
 * The last word on a request that failed outside any resource: a failure the HTTP layer marks as the client's
 * (a 4xx status, a path no route has) or one the client caused (a multipart body that does not match its boundary,
 * a body the HTTP codec cannot decode) is answered as problem+json instead of the server's plain-text page. Authentication failures and
 * everything else go on to Quarkus's own handling.
 */
@ApplicationScoped
public class FailureProblems {

    private final ObjectMapper json;

    public FailureProblems(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
        // No route for the path (404) or none for the method (405): the router answers these itself.
        router.errorHandler(404, this::handle);
        router.errorHandler(405, this::handle);
    }

    void handle(RoutingContext rc) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.headWritten()) {
            rc.next();
            return;
        }
        int status = status(rc);
        if (status < 400 || status > 499 || status == 401 || status == 407) {
            rc.next();
            return;
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Bad Request" : known.getReasonPhrase();
        String detail = switch (status) {
            case 400 -> "the request could not be read" + (rc.failure() == null ? "" : ": " + describe(rc.failure()));
            case 413 -> "the body is larger than is accepted here";
            default -> title.toLowerCase(Locale.ROOT);
        };
        String body = Problem.of(status, title, detail, rc.normalizedPath()).toJson(json);
        Log.debugf(rc.failure(), "refused %s %s: %d", rc.request().method(), rc.normalizedPath(), status);
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }

    /** The status the failure stands for: 400 or 413 for a client's mistake, else the one it was failed with. */
    private static int status(RoutingContext rc) {
        for (Throwable at = rc.failure(); at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (at instanceof HttpException http) {
                return http.getStatusCode();
            }
            if (at instanceof MultiPartParserDefinition.FileTooLargeException) {
                return 413;
            }
            if (at instanceof MultipartParser.MalformedMessageException || at instanceof DecoderException
                    || multipartCutShort(at)) {
                return 400;
            }
        }
        return rc.statusCode();
    }

    /**
     * RESTEasy Reactive's multipart parser reached the end of the body without its closing boundary ("Connection
     * terminated reading multipart data"): the body's boundary is not the one its Content-Type names.
     */
    private static boolean multipartCutShort(Throwable failure) {
        return failure instanceof IOException && failure.getMessage() != null
                && failure.getMessage().toLowerCase(Locale.ROOT).contains("multipart");
    }

    private static String describe(Throwable failure) {
        for (Throwable at = failure; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (at instanceof MultipartParser.MalformedMessageException || multipartCutShort(at)) {
                return "the multipart body does not match the boundary in its Content-Type";
            }
        }
        return "the body is malformed";
    }
}
