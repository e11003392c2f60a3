package io.ainstruct.adapter.web.page;

import io.ainstruct.domain.field.FieldLimits;
import io.ainstruct.domain.field.TextLimit;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.util.Locale;
import java.util.Map;

/**
 * Renders templates into the response before it is sent, so a template that fails is an ordinary server error
 * rather than a connection cut off halfway through a page.
 */
@Singleton
public class Views {
    /**
     * Scripts, styles and forms from this server only, no framing: injected markup could neither run script nor post
     * elsewhere, and no other site can overlay the dashboard to steal clicks.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /** The domain's field limits, for the forms' minlength and maxlength: the browser refuses what the server would. */
    private static final Map<String, Map<String, Integer>> LIMITS = Map.of("username", bounds(FieldLimits.USERNAME),
            "password", bounds(FieldLimits.PASSWORD), "collectionName", bounds(FieldLimits.COLLECTION_NAME),
            "title", bounds(FieldLimits.DOCUMENT_TITLE), "label", bounds(FieldLimits.TOKEN_LABEL));

    private final TemplateEngine engine;

    Views(TemplateEngine engine) {
        this.engine = engine;
    }

    public MutableHttpResponse<String> render(HttpStatus status, String view, Model model) {
        String html = engine.process(view, new Context(Locale.ENGLISH, model.with("limits", LIMITS)));
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .body(html);
    }

    public MutableHttpResponse<String> error(HttpStatus status, String title, String message) {
        return render(status, "error", Model.of("status", status.getCode(), "title", title, "message", message));
    }

    private static Map<String, Integer> bounds(TextLimit limit) {
        return Map.of("min", limit.min(), "max", limit.max());
    }

    /** After a change: the browser loads the next page with GET, so reloading it repeats nothing. */
    public static MutableHttpResponse<?> redirect(String path) {
        return HttpResponse.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, path);
    }
}
