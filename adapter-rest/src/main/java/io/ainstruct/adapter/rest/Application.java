package io.ainstruct.adapter.rest;

import io.ainstruct.bootstrap.AinstructApplication;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Starts the REST server on the configured database, or on the embedded defaults. */
@OpenAPIDefinition(
        info = @Info(title = "ainstruct", version = "0.1.0",
                description = "Document memory for AI agents: collections, documents, semantic search, access tokens."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A session access token (JWT), a personal access token (pat_live_…) or, for document endpoints, "
                + "a collection access token (cat_live_…)")
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        AinstructApplication.run(Application.class, args);
    }
}
