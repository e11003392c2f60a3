package io.ainstruct.adapter.mcp;

import io.ainstruct.application.access.Authenticator;
import io.ainstruct.application.access.BearerHeader;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.error.DomainException;
import io.ainstruct.domain.error.Unavailable;
import io.ainstruct.domain.usage.EntryPoint;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * MCP's streamable HTTP transport, stateless and JSON-only: every POST carries one JSON-RPC message and its bearer
 * token (a personal or collection access token), and gets its answer as one JSON body. No server-sent event stream
 * is offered, so GET and DELETE answer 405, as the transport allows.
 */
@Controller("/mcp")
@ExecuteOn(TaskExecutors.BLOCKING)
class McpHttpController {
    private final McpProtocol protocol;
    private final Authenticator authenticator;
    private final McpJsonMapper json;

    McpHttpController(McpProtocol protocol, Authenticator authenticator, McpJsonMapper json) {
        this.protocol = protocol;
        this.authenticator = authenticator;
        this.json = json;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> message(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization, @Body String body) {
        // The caller first: an anonymous client's body is never parsed, and its answer names no request id.
        Caller caller;
        try {
            caller = authenticator.authenticate(BearerHeader.token(authorization), EntryPoint.MCP);
        } catch (Unavailable down) {
            return answer(HttpStatus.SERVICE_UNAVAILABLE, McpProtocol.error(null, McpSchema.ErrorCodes.INTERNAL_ERROR,
                    down.code().name() + ": " + down.getMessage())).header(HttpHeaders.RETRY_AFTER, "1");
        } catch (DomainException refused) {
            return answer(HttpStatus.UNAUTHORIZED, McpProtocol.error(null, McpProtocol.UNAUTHENTICATED, refused.getMessage()))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, body);
        } catch (IOException | IllegalArgumentException malformed) {
            return answer(HttpStatus.BAD_REQUEST, McpProtocol.error(null, McpSchema.ErrorCodes.PARSE_ERROR,
                    "Not a JSON-RPC message: " + malformed.getMessage()));
        }
        Optional<JSONRPCResponse> response = protocol.handle(message, () -> caller);
        return response.map(r -> answer(HttpStatus.OK, r)).orElseGet(() -> HttpResponse.status(HttpStatus.ACCEPTED));
    }

    // Any Accept (clients ask for text/event-stream) must get the 405 the transport specifies, not a 406.
    @Get(produces = MediaType.ALL)
    HttpResponse<Void> noEventStream() {
        return HttpResponse.<Void>status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST");
    }

    @Delete(produces = MediaType.ALL)
    HttpResponse<Void> noSessions() {
        return HttpResponse.<Void>status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST");
    }

    private MutableHttpResponse<String> answer(HttpStatus status, JSONRPCResponse response) {
        try {
            return HttpResponse.<String>status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(json.writeValueAsString(response));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
