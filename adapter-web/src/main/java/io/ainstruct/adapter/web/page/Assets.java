package io.ainstruct.adapter.web.page;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/** The dashboard's three static files, served from the jar: no CDN, nothing fetched at run time. */
@Controller("/app/assets")
class Assets {
    private static final Map<String, Asset> FILES = Map.of(
            "app.css", Asset.load("web/app.css", "text/css"),
            "app.js", Asset.load("web/app.js", "text/javascript"),
            // htmx comes from its WebJar on Maven Central; the path names the version the build resolved.
            "htmx.min.js", Asset.load("META-INF/resources/webjars/htmx.org/" + htmxVersion() + "/dist/htmx.min.js",
                    "text/javascript"));

    private final Views views;

    Assets(Views views) {
        this.views = views;
    }

    @Get("/{name}")
    MutableHttpResponse<?> asset(@PathVariable String name) {
        Asset asset = FILES.get(name);
        if (asset == null) {
            return views.error(HttpStatus.NOT_FOUND, "Not found", "There is no such file.");
        }
        return HttpResponse.ok(asset.bytes()).contentType(MediaType.of(asset.type() + "; charset=utf-8"))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
    }

    private static String htmxVersion() {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("ainstruct-web.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("htmx.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Asset(byte[] bytes, String type) {
        static Asset load(String resource, String type) {
            try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing dashboard asset " + resource);
                }
                return new Asset(in.readAllBytes(), type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
