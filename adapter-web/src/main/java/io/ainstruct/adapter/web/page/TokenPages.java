package io.ainstruct.adapter.web.page;

import io.ainstruct.application.token.TokenRotation;
import io.ainstruct.application.access.Capabilities;
import io.ainstruct.application.collection.CollectionService;
import io.ainstruct.application.token.CollectionTokenService;
import io.ainstruct.application.token.PersonalTokenService;
import io.ainstruct.application.token.TokenRequest;
import io.ainstruct.domain.access.CollectionAccessToken;
import io.ainstruct.domain.access.NamedCollectionToken;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.access.Scope;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Personal and collection access tokens: create, list, revoke, rotate. A new secret is shown once, in a dialog with
 * a copy button and an MCP client configuration ready to paste; the next page load no longer has it.
 */
@Controller("/app/tokens")
@ExecuteOn(TaskExecutors.BLOCKING)
class TokenPages {
    private static final String PAGE = "/app/tokens";

    private final Pages pages;
    private final PersonalTokenService personalTokens;
    private final CollectionTokenService collectionTokens;
    private final CollectionService collections;
    private final Clock clock;

    TokenPages(Pages pages, PersonalTokenService personalTokens, CollectionTokenService collectionTokens,
               CollectionService collections, Clock clock) {
        this.clock = clock;
        this.pages = pages;
        this.personalTokens = personalTokens;
        this.collectionTokens = collectionTokens;
        this.collections = collections;
    }

    /** A secret for the next page to show, once. */
    record NewSecret(String kind, String label, String secret) {
    }

    @Get
    MutableHttpResponse<?> list(HttpRequest<?> request) {
        return pages.show(request, visit -> tokensPage(visit, HttpStatus.OK, Model.of()));
    }

    @Post("/pat")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> createPersonal(HttpRequest<?> request, @Body Map<String, String> fields) {
        Form form = Form.of(fields, PAGE);
        return pages.submit(request, form, visit -> {
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            for (Scope scope : Scope.values()) {
                if (form.checked("scope_" + scope.name().toLowerCase(Locale.ROOT))) {
                    scopes.add(scope);
                }
            }
            var issued = personalTokens.create(visit.caller(), TokenRequest.of(form.get("label"), form.number("days")), scopes);
            return visit.redirect(PAGE, new NewSecret("personal access token", issued.token().label(), issued.secret()));
        }, (visit, error) -> tokensPage(visit, HttpStatus.UNPROCESSABLE_ENTITY,
                Model.of("patError", error, "patForm", form.fields())));
    }

    @Post("/cat")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> createCollectionToken(HttpRequest<?> request, @Body Map<String, String> fields) {
        Form form = Form.of(fields, PAGE);
        return pages.submit(request, form, visit -> {
            var issued = collectionTokens.create(visit.caller(), CollectionPages.collectionId(form.get("collection")),
                    TokenRequest.of(form.get("label"), form.number("days")),
                    Permission.parse("permission", form.optional("permission")));
            return visit.redirect(PAGE, new NewSecret("collection access token for '" + issued.token().collectionName() + "'",
                    issued.token().token().label(), issued.secret()));
        }, (visit, error) -> tokensPage(visit, HttpStatus.UNPROCESSABLE_ENTITY,
                Model.of("catError", error, "catForm", form.fields())));
    }

    @Post("/pat/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> revokePersonal(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> fields) {
        return pages.submit(request, Form.of(fields, PAGE), visit -> {
            personalTokens.revoke(visit.caller(), Ids.parse(id));
            return visit.redirect(PAGE, new Notice("Personal access token revoked; it stopped working at once."));
        }, this::rejected);
    }

    @Post("/pat/{id}/rotate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> rotatePersonal(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> fields) {
        return pages.submit(request, Form.of(fields, PAGE), visit -> {
            var issued = personalTokens.rotate(visit.caller(), Ids.parse(id), TokenRotation.SECRET_ONLY);
            return visit.redirect(PAGE, new NewSecret("personal access token (rotated)", issued.token().label(), issued.secret()));
        }, this::rejected);
    }

    @Post("/cat/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> revokeCollectionToken(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> fields) {
        return pages.submit(request, Form.of(fields, PAGE), visit -> {
            collectionTokens.revoke(visit.caller(), Ids.parse(id));
            return visit.redirect(PAGE, new Notice("Collection access token revoked; it stopped working at once."));
        }, this::rejected);
    }

    @Post("/cat/{id}/rotate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> rotateCollectionToken(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> fields) {
        return pages.submit(request, Form.of(fields, PAGE), visit -> {
            var issued = collectionTokens.rotate(visit.caller(), Ids.parse(id), TokenRotation.SECRET_ONLY);
            return visit.redirect(PAGE, new NewSecret("collection access token for '" + issued.token().collectionName()
                    + "' (rotated)", issued.token().token().label(), issued.secret()));
        }, this::rejected);
    }

    private MutableHttpResponse<?> rejected(Visit visit, String error) {
        return tokensPage(visit, HttpStatus.CONFLICT, Model.of("listError", error));
    }

    private MutableHttpResponse<?> tokensPage(Visit visit, HttpStatus status, Model model) {
        Instant now = clock.instant();
        model.with("pats", personalTokens.list(visit.caller()).stream()
                .sorted(Comparator.comparing(PersonalAccessToken::createdAt).reversed())
                .map(t -> personalRow(t, now)).toList());
        model.with("cats", collectionTokens.list(visit.caller(), Optional.empty()).stream()
                .sorted(Comparator.comparing((NamedCollectionToken t) -> t.token().createdAt()).reversed())
                .map(t -> collectionRow(t, now)).toList());
        model.with("collections", collections.list(visit.caller()).stream().map(CollectionPages::row).toList());
        model.with("mayGrantAdmin", Capabilities.of(visit.caller()).mayGrant(Set.of(Scope.ADMIN)));
        model.putIfAbsent("patForm", Map.of("scope_read", "on", "scope_write", "on"));
        model.putIfAbsent("catForm", Map.of());
        visit.flash(NewSecret.class).ifPresent(secret -> model.with("secret", secret.secret())
                .with("secretKind", secret.kind()).with("secretLabel", secret.label())
                .with("mcpConfig", mcpConfig(visit.request(), secret.secret())));
        visit.flash(Notice.class).ifPresent(n -> model.with("notice", n.text()));
        return visit.page(status, "tokens", model);
    }

    /** The streamable-HTTP entry for an MCP client's configuration, pointing at this server. */
    private static String mcpConfig(HttpRequest<?> request, String secret) {
        String host = Optional.ofNullable(request.getHeaders().get(HttpHeaders.HOST)).orElse("localhost:8080");
        String scheme = request.isSecure() ? "https" : "http";
        return "{ \"mcpServers\": { \"ainstruct\": {\n"
                + "    \"type\": \"http\", \"url\": \"" + scheme + "://" + host + "/mcp\",\n"
                + "    \"headers\": { \"Authorization\": \"Bearer " + secret + "\" } } } }";
    }

    private static Model personalRow(PersonalAccessToken t, Instant now) {
        return Model.of("id", t.id().toString(), "label", t.label(),
                "scopes", t.scopes().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(", ")),
                "created", Dates.day(t.createdAt()), "expires", Dates.day(t.expiresAt()),
                "lastUsed", Dates.minute(t.lastUsedAt()), "status", status(t.active(), t.usableAt(now)), "active", t.active());
    }

    private static Model collectionRow(NamedCollectionToken named, Instant now) {
        CollectionAccessToken t = named.token();
        return Model.of("id", t.id().toString(), "label", t.label(), "collection", named.collectionName(),
                "permission", t.permission() == Permission.READ_WRITE ? "read and write" : "read",
                "created", Dates.day(t.createdAt()), "expires", Dates.day(t.expiresAt()),
                "lastUsed", Dates.minute(t.lastUsedAt()), "status", status(t.active(), t.usableAt(now)), "active", t.active());
    }

    private static String status(boolean active, boolean usable) {
        return !active ? "revoked" : usable ? "active" : "expired";
    }
}
