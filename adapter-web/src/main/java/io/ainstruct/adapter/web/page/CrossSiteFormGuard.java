package io.ainstruct.adapter.web.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses a dashboard form that a browser says was posted from another site ({@code Sec-Fetch-Site}), before any
 * page runs: such a post can neither change anything nor open or replace a session, whatever its cookie. The CSRF
 * token already stops it from changing anything; this also keeps it away from the session store. Browsers too old
 * to send the header rely on the token and the cookie's SameSite=Lax alone.
 */
@ServerFilter("/app/**")
class CrossSiteFormGuard {
    private final Views views;

    CrossSiteFormGuard(Views views) {
        this.views = views;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseCrossSitePosts(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.POST) {
            return null;
        }
        String site = request.getHeaders().get("Sec-Fetch-Site");
        // "none": typed by the person (a bookmark, the address bar); absent: not a browser that says.
        if (site == null || site.equalsIgnoreCase("same-origin") || site.equalsIgnoreCase("none")) {
            return null;
        }
        return views.error(HttpStatus.FORBIDDEN, "This form came from another site",
                "The dashboard only accepts forms sent from its own pages. Nothing was changed.");
    }
}
