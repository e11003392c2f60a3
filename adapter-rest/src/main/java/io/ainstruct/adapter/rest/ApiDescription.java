package io.ainstruct.adapter.rest;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** What the generated OpenAPI document says about the API as a whole; the controllers describe their operations. */
@OpenAPIDefinition(
        info = @Info(title = "ainstruct", version = "0.1.0",
                description = "Document memory for AI agents: collections, documents, semantic search, access tokens."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A session access token (JWT), a personal access token (pat_live_…) or, for document endpoints, "
                + "a collection access token (cat_live_…)")
final class ApiDescription {
    private ApiDescription() {
    }
}
