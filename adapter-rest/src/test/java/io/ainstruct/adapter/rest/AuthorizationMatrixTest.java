package io.ainstruct.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.testsupport.server.Issued;
import io.ainstruct.testsupport.server.TestServer;
import io.ainstruct.testsupport.server.TestServerProperties;
import io.ainstruct.testsupport.server.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every REST endpoint against every kind of caller, on a real server through a plain HTTP client.
 *
 * <p>The table below is the authorization contract. Each row is an endpoint (with the object it is aimed at); the
 * first column is what every anonymous or invalid caller gets, the other twelve what each kind of valid caller gets.
 * Rules it encodes:
 * <ul>
 *   <li>someone else's object answers 404 (a {@code *_NOT_FOUND} code), never 403 and never 200 — administrators
 *       included, outside {@code /admin};</li>
 *   <li>a missing scope answers 403 {@code INSUFFICIENT_SCOPE}, checked before existence so it reveals nothing;</li>
 *   <li>a collection access token (CAT) reaches documents of its own collection only (read: list, get, search;
 *       read_write: also store, update, delete) and never collections, tokens, users or the profile (403
 *       {@code FORBIDDEN});</li>
 *   <li>{@code /admin} is for superusers holding the admin scope (403 otherwise);</li>
 *   <li>anonymous, malformed, forged, expired, revoked, rotated-away tokens and tokens of deactivated users answer
 *       401 on every protected endpoint; {@code /health} needs no token.</li>
 * </ul>
 * Each cell also checks that the answer carries no id of an object the caller may not see, and that a refused
 * destructive request left its target intact. Destructive cells expected to succeed get a fresh target each.
 */
class AuthorizationMatrixTest {
    /** 64+ bytes of text, so that an HS512 token signed with the server's own key can be forged: only pinning refuses it. */
    private static final String JWT_SECRET = "matrix-signing-secret! long enough for HS512, which wants sixty-four bytes";

    // ---- the expected outcome of a cell -------------------------------------------------------------------------
    enum Expect {
        S200(200, null), S201(201, null),
        /** someone else's (or an unreachable) object: a specific *_NOT_FOUND code */
        S404(404, "*_NOT_FOUND"),
        /** a scope the token lacks */
        SCOPE(403, "INSUFFICIENT_SCOPE"),
        /** not for this kind of caller at all (a CAT outside documents, a non-admin on /admin) */
        DENY(403, "FORBIDDEN"),
        /** no or invalid credentials (NOT_AUTHENTICATED when none, else INVALID_TOKEN) */
        S401(401, "NOT_AUTHENTICATED|INVALID_TOKEN");

        final int status;
        final String code;

        Expect(int status, String code) {
            this.status = status;
            this.code = code;
        }

        boolean success() {
            return status < 300;
        }

        @Override
        public String toString() {
            return code == null ? Integer.toString(status) : status + " " + code;
        }
    }

    private static final Expect S200 = Expect.S200, S201 = Expect.S201, S404 = Expect.S404,
            SCOPE = Expect.SCOPE, DENY = Expect.DENY, S401 = Expect.S401;

    // ---- callers ---------------------------------------------------------------------------------------------------
    /** Which objects a caller may see: A's (all of them), A's CAT (collection A.col only), B's, B's CAT, nobody's. */
    enum Party { A, A_CAT, B, B_CAT, NOBODY }

    record Who(String label, Party party, String token, String code401) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** The fourteen kinds of valid caller, in the order of the table's columns. */
    private static final List<String> COLUMNS = List.of(
            "A JWT", "A PAT{read}", "A PAT{read,write}", "A PAT{read,write,admin} (A since demoted)",
            "A CAT read", "A CAT read_write",
            "B JWT", "B PAT{read,write}", "B CAT read_write",
            "admin JWT", "admin PAT{read,write,admin}", "admin PAT{read,write}",
            "A PAT{write}", "A PAT{read,write,tokens}");

    // ---- request bodies ------------------------------------------------------------------------------------------
    record Body(String label, String json) {
    }

    private static Body body(String label, String json) {
        return new Body(label, json);
    }

    private static final Body NONE = null;
    private static final Body PAT_READ = body("{scopes:[read]}", "{\"label\":\"matrix\",\"scopes\":[\"read\"]}");
    private static final Body PAT_ADMIN = body("{scopes:[read,write,admin]}", "{\"label\":\"matrix\",\"scopes\":[\"read\",\"write\",\"admin\"]}");
    private static final Body CAT_ON_A = body("{collection_id: A.col}", "{\"label\":\"matrix\",\"collection_id\":\"{A.col}\",\"permission\":\"read\"}");
    private static final Body CAT_ON_B = body("{collection_id: B.col}", "{\"label\":\"matrix\",\"collection_id\":\"{B.col}\",\"permission\":\"read\"}");
    private static final Body NEW_NAME = body("{name}", "{\"name\":\"matrix {unique}\"}");
    private static final Body DOC_IN_A = body("{collection_id: A.col}", doc("{A.col}"));
    private static final Body DOC_IN_A2 = body("{collection_id: A.col2}", doc("{A.col2}"));
    private static final Body DOC_IN_B = body("{collection_id: B.col}", doc("{B.col}"));
    private static final Body RETITLE = body("{title}", "{\"title\":\"retitled {unique}\"}");
    private static final Body MOVE_TO_A = body("{collection_id: A.col}", "{\"collection_id\":\"{A.col}\"}");
    private static final Body MOVE_TO_A2 = body("{collection_id: A.col2}", "{\"collection_id\":\"{A.col2}\"}");
    private static final Body SEARCH_ALL = body("{query}", "{\"query\":\"sourdough bread\"}");
    private static final Body SEARCH_A = body("{query, collection_id: A.col}", "{\"query\":\"sourdough\",\"collection_id\":\"{A.col}\"}");
    private static final Body SEARCH_A2 = body("{query, collection_id: A.col2}", "{\"query\":\"sourdough\",\"collection_id\":\"{A.col2}\"}");
    private static final Body SEARCH_B = body("{query, collection_id: B.col}", "{\"query\":\"sourdough\",\"collection_id\":\"{B.col}\"}");
    private static final Body ACTIVATE = body("{is_active:true}", "{\"is_active\":true}");

    private static String doc(String collection) {
        return "{\"collection_id\":\"" + collection + "\",\"title\":\"matrix\",\"content\":\"# Matrix\\n\\nSourdough {unique}.\"}";
    }

    // ---- the table ---------------------------------------------------------------------------------------------------
    // Objects: A.col is A's collection that A's CATs reach; A.col2 is another collection of A's; A.doc and A.doc2 live
    // in them; B.col and B.doc are B's. {X.new-...} is a fresh object of X's for cells expected to succeed (and a
    // shared one, checked to be intact afterwards, for cells expected to be refused); {victim} is an ordinary user,
    // {nobody} an id nobody has.
    private static final List<Row> TABLE = List.of(
            // A.w is A's write-only PAT, A.rwt A's PAT{read,write,tokens}; token management takes a session or the tokens scope
            //                                                                 invalid A.jwt  A.r    A.rw   A.rwa* A.catR A.catW B.jwt  B.pat  B.cat  Ad.jwt Ad.pat Ad.rw  A.w    A.rwt
            row("GET",    "/health",                                NONE,       S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200),
            row("GET",    "/health/ready",                          NONE,       S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200),
            row("GET",    "/auth/profile",                          NONE,       S401,  S200,  S200,  S200,  S200,  DENY,  DENY,  S200,  S200,  DENY,  S200,  S200,  S200,  SCOPE, S200),
            // personal access tokens
            row("POST",   "/auth/pat",                              PAT_READ,   S401,  S201,  SCOPE, SCOPE, SCOPE, DENY,  DENY,  S201,  SCOPE, DENY,  S201,  SCOPE, SCOPE, SCOPE, S201),
            row("POST",   "/auth/pat",                              PAT_ADMIN,  S401,  SCOPE, SCOPE, SCOPE, SCOPE, DENY,  DENY,  SCOPE, SCOPE, DENY,  S201,  SCOPE, SCOPE, SCOPE, SCOPE),
            row("GET",    "/auth/pat",                              NONE,       S401,  S200,  S200,  S200,  S200,  DENY,  DENY,  S200,  S200,  DENY,  S200,  S200,  S200,  SCOPE, S200),
            row("DELETE", "/auth/pat/{A.new-pat}",                  NONE,       S401,  S200,  SCOPE, SCOPE, SCOPE, DENY,  DENY,  S404,  SCOPE, DENY,  S404,  SCOPE, SCOPE, SCOPE, S200),
            row("POST",   "/auth/pat/{A.new-pat}/delete",           NONE,       S401,  S200,  SCOPE, SCOPE, SCOPE, DENY,  DENY,  S404,  SCOPE, DENY,  S404,  SCOPE, SCOPE, SCOPE, S200),
            row("POST",   "/auth/pat/{A.new-pat}/rotate",           NONE,       S401,  S200,  SCOPE, SCOPE, SCOPE, DENY,  DENY,  S404,  SCOPE, DENY,  S404,  SCOPE, SCOPE, SCOPE, S200),
            row("DELETE", "/auth/pat/{B.new-pat}",                  NONE,       S401,  S404,  SCOPE, SCOPE, SCOPE, DENY,  DENY,  S200,  SCOPE, DENY,  S404,  SCOPE, SCOPE, SCOPE, S404),
            row("POST",   "/auth/pat/{B.new-pat}/delete",           NONE,       S401,  S404,  SCOPE, SCOPE, SCOPE, DENY,  DENY,  S200,  SCOPE, DENY,  S404,  SCOPE, SCOPE, SCOPE, S404),
            row("POST",   "/auth/pat/{B.new-pat}/rotate",           NONE,       S401,  S404,  SCOPE, SCOPE, SCOPE, DENY,  DENY,  S200,  SCOPE, DENY,  S404,  SCOPE, SCOPE, SCOPE, S404),
            // collection access tokens
            row("POST",   "/auth/cat",                              CAT_ON_A,   S401,  S201,  SCOPE, SCOPE, SCOPE, DENY,  DENY,  S404,  SCOPE, DENY,  S404,  SCOPE, SCOPE, SCOPE, S201),
            row("POST",   "/auth/cat",                              CAT_ON_B,   S401,  S404,  SCOPE, SCOPE, SCOPE, DENY,  DENY,  S201,  SCOPE, DENY,  S404,  SCOPE, SCOPE, SCOPE, S404),
            row("GET",    "/auth/cat",                              NONE,       S401,  S200,  S200,  S200,  S200,  DENY,  DENY,  S200,  S200,  DENY,  S200,  S200,  S200,  SCOPE, S200),
            row("GET",    "/auth/cat?collection_id={A.col}",        NONE,       S401,  S200,  S200,  S200,  S200,  DENY,  DENY,  S404,  S404,  DENY,  S404,  S404,  S404,  SCOPE, S200),
            row("GET",    "/auth/cat?collection_id={B.col}",        NONE,       S401,  S404,  S404,  S404,  S404,  DENY,  DENY,  S200,  S200,  DENY,  S404,  S404,  S404,  SCOPE, S404),
            row("DELETE", "/auth/cat/{A.new-cat}",                  NONE,       S401,  S200,  SCOPE, SCOPE, SCOPE, DENY,  DENY,  S404,  SCOPE, DENY,  S404,  SCOPE, SCOPE, SCOPE, S200),
            row("POST",   "/auth/cat/{A.new-cat}/delete",           NONE,       S401,  S200,  SCOPE, SCOPE, SCOPE, DENY,  DENY,  S404,  SCOPE, DENY,  S404,  SCOPE, SCOPE, SCOPE, S200),
            row("POST",   "/auth/cat/{A.new-cat}/rotate",           NONE,       S401,  S200,  SCOPE, SCOPE, SCOPE, DENY,  DENY,  S404,  SCOPE, DENY,  S404,  SCOPE, SCOPE, SCOPE, S200),
            row("DELETE", "/auth/cat/{B.new-cat}",                  NONE,       S401,  S404,  SCOPE, SCOPE, SCOPE, DENY,  DENY,  S200,  SCOPE, DENY,  S404,  SCOPE, SCOPE, SCOPE, S404),
            row("POST",   "/auth/cat/{B.new-cat}/delete",           NONE,       S401,  S404,  SCOPE, SCOPE, SCOPE, DENY,  DENY,  S200,  SCOPE, DENY,  S404,  SCOPE, SCOPE, SCOPE, S404),
            row("POST",   "/auth/cat/{B.new-cat}/rotate",           NONE,       S401,  S404,  SCOPE, SCOPE, SCOPE, DENY,  DENY,  S200,  SCOPE, DENY,  S404,  SCOPE, SCOPE, SCOPE, S404),
            // collections
            row("POST",   "/collections",                           NEW_NAME,   S401,  S201,  SCOPE, S201,  S201,  DENY,  DENY,  S201,  S201,  DENY,  S201,  S201,  S201,  S201,  S201),
            row("GET",    "/collections",                           NONE,       S401,  S200,  S200,  S200,  S200,  DENY,  DENY,  S200,  S200,  DENY,  S200,  S200,  S200,  SCOPE, S200),
            row("GET",    "/collections/{A.col}",                   NONE,       S401,  S200,  S200,  S200,  S200,  DENY,  DENY,  S404,  S404,  DENY,  S404,  S404,  S404,  SCOPE, S200),
            row("GET",    "/collections/{B.col}",                   NONE,       S401,  S404,  S404,  S404,  S404,  DENY,  DENY,  S200,  S200,  DENY,  S404,  S404,  S404,  SCOPE, S404),
            row("PATCH",  "/collections/{A.new-col}",               NEW_NAME,   S401,  S200,  SCOPE, S200,  S200,  DENY,  DENY,  S404,  S404,  DENY,  S404,  S404,  S404,  S200,  S200),
            row("PATCH",  "/collections/{B.new-col}",               NEW_NAME,   S401,  S404,  SCOPE, S404,  S404,  DENY,  DENY,  S200,  S200,  DENY,  S404,  S404,  S404,  S404,  S404),
            row("DELETE", "/collections/{A.new-col}",               NONE,       S401,  S200,  SCOPE, S200,  S200,  DENY,  DENY,  S404,  S404,  DENY,  S404,  S404,  S404,  S200,  S200),
            row("DELETE", "/collections/{B.new-col}",               NONE,       S401,  S404,  SCOPE, S404,  S404,  DENY,  DENY,  S200,  S200,  DENY,  S404,  S404,  S404,  S404,  S404),
            // documents
            row("POST",   "/documents",                             DOC_IN_A,   S401,  S201,  SCOPE, S201,  S201,  DENY,  S201,  S404,  S404,  S404,  S404,  S404,  S404,  S201,  S201),
            row("POST",   "/documents",                             DOC_IN_A2,  S401,  S201,  SCOPE, S201,  S201,  S404,  S404,  S404,  S404,  S404,  S404,  S404,  S404,  S201,  S201),
            row("POST",   "/documents",                             DOC_IN_B,   S401,  S404,  SCOPE, S404,  S404,  S404,  S404,  S201,  S201,  S201,  S404,  S404,  S404,  S404,  S404),
            row("GET",    "/documents",                             NONE,       S401,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  SCOPE, S200),
            row("GET",    "/documents?collection_id={A.col}",       NONE,       S401,  S200,  S200,  S200,  S200,  S200,  S200,  S404,  S404,  S404,  S404,  S404,  S404,  SCOPE, S200),
            row("GET",    "/documents?collection_id={A.col2}",      NONE,       S401,  S200,  S200,  S200,  S200,  S404,  S404,  S404,  S404,  S404,  S404,  S404,  S404,  SCOPE, S200),
            row("GET",    "/documents?collection_id={B.col}",       NONE,       S401,  S404,  S404,  S404,  S404,  S404,  S404,  S200,  S200,  S200,  S404,  S404,  S404,  SCOPE, S404),
            row("GET",    "/documents/{A.doc}",                     NONE,       S401,  S200,  S200,  S200,  S200,  S200,  S200,  S404,  S404,  S404,  S404,  S404,  S404,  SCOPE, S200),
            row("GET",    "/documents/{A.doc2}",                    NONE,       S401,  S200,  S200,  S200,  S200,  S404,  S404,  S404,  S404,  S404,  S404,  S404,  S404,  SCOPE, S200),
            row("GET",    "/documents/{B.doc}",                     NONE,       S401,  S404,  S404,  S404,  S404,  S404,  S404,  S200,  S200,  S200,  S404,  S404,  S404,  SCOPE, S404),
            row("PATCH",  "/documents/{A.doc}",                     RETITLE,    S401,  S200,  SCOPE, S200,  S200,  DENY,  S200,  S404,  S404,  S404,  S404,  S404,  S404,  S200,  S200),
            row("PATCH",  "/documents/{A.doc2}",                    RETITLE,    S401,  S200,  SCOPE, S200,  S200,  S404,  S404,  S404,  S404,  S404,  S404,  S404,  S404,  S200,  S200),
            row("PATCH",  "/documents/{B.doc}",                     RETITLE,    S401,  S404,  SCOPE, S404,  S404,  S404,  S404,  S200,  S200,  S200,  S404,  S404,  S404,  S404,  S404),
            row("PATCH",  "/documents/{A.new-doc}",                 MOVE_TO_A2, S401,  S200,  SCOPE, S200,  S200,  DENY,  S404,  S404,  S404,  S404,  S404,  S404,  S404,  S200,  S200),
            row("PATCH",  "/documents/{B.new-doc}",                 MOVE_TO_A,  S401,  S404,  SCOPE, S404,  S404,  S404,  S404,  S404,  S404,  S404,  S404,  S404,  S404,  S404,  S404),
            row("DELETE", "/documents/{A.new-doc}",                 NONE,       S401,  S200,  SCOPE, S200,  S200,  DENY,  S200,  S404,  S404,  S404,  S404,  S404,  S404,  S200,  S200),
            row("DELETE", "/documents/{A.new-doc2}",                NONE,       S401,  S200,  SCOPE, S200,  S200,  S404,  S404,  S404,  S404,  S404,  S404,  S404,  S404,  S200,  S200),
            row("DELETE", "/documents/{B.new-doc}",                 NONE,       S401,  S404,  SCOPE, S404,  S404,  S404,  S404,  S200,  S200,  S200,  S404,  S404,  S404,  S404,  S404),
            row("POST",   "/documents/search",                      SEARCH_ALL, S401,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  S200,  SCOPE, S200),
            row("POST",   "/documents/search",                      SEARCH_A,   S401,  S200,  S200,  S200,  S200,  S200,  S200,  S404,  S404,  S404,  S404,  S404,  S404,  SCOPE, S200),
            row("POST",   "/documents/search",                      SEARCH_A2,  S401,  S200,  S200,  S200,  S200,  S404,  S404,  S404,  S404,  S404,  S404,  S404,  S404,  SCOPE, S200),
            row("POST",   "/documents/search",                      SEARCH_B,   S401,  S404,  S404,  S404,  S404,  S404,  S404,  S200,  S200,  S200,  S404,  S404,  S404,  SCOPE, S404),
            // administration (a superuser's token without the admin scope lacks a scope: INSUFFICIENT_SCOPE)
            row("GET",    "/admin/users",                           NONE,       S401,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  S200,  S200,  SCOPE, DENY,  DENY),
            row("GET",    "/admin/users/search?query=matrix",       NONE,       S401,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  S200,  S200,  SCOPE, DENY,  DENY),
            row("GET",    "/admin/users/{victim}",                  NONE,       S401,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  S200,  S200,  SCOPE, DENY,  DENY),
            row("GET",    "/admin/users/{nobody}",                  NONE,       S401,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  S404,  S404,  SCOPE, DENY,  DENY),
            row("PATCH",  "/admin/users/{victim}",                  ACTIVATE,   S401,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  S200,  S200,  SCOPE, DENY,  DENY),
            row("DELETE", "/admin/users/{new-user}",                NONE,       S401,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  S200,  S200,  SCOPE, DENY,  DENY),
            row("POST",   "/admin/users/{new-user}/promote",        NONE,       S401,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  S200,  S200,  SCOPE, DENY,  DENY),
            row("GET",    "/admin/usage/{victim}",                  NONE,       S401,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  S200,  S200,  SCOPE, DENY,  DENY),
            row("GET",    "/admin/usage/{victim}/history",          NONE,       S401,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  S200,  S200,  SCOPE, DENY,  DENY),
            row("GET",    "/admin/usage/{nobody}",                  NONE,       S401,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  DENY,  S404,  S404,  SCOPE, DENY,  DENY));

    record Row(String method, String path, Body body, Expect invalid, List<Expect> valid) {
        String title() {
            return method + " " + path + (body == null ? "" : " " + body.label());
        }
    }

    private static Row row(String method, String path, Body body, Expect invalid, Expect... valid) {
        if (valid.length != COLUMNS.size()) {
            throw new IllegalArgumentException(method + " " + path + ": " + valid.length + " columns, expected " + COLUMNS.size());
        }
        return new Row(method, path, body, invalid, List.of(valid));
    }

    // ---- the world the table runs in -----------------------------------------------------------------------------
    private static TestServer server;
    private static Api api;
    private static TestUser a;
    private static TestUser b;
    private static TestUser admin;
    /** Placeholder → id, for the objects set up once. */
    private static final Map<String, String> FIXED = new HashMap<>();
    /** Id → zone, for the leak check: which callers may see it. */
    private static final Map<String, Zone> ZONES = new HashMap<>();
    private static final Map<String, Who> VALID = new LinkedHashMap<>();
    private static final List<Who> INVALID = new ArrayList<>();
    /** Shared targets of refused destructive cells, by row and placeholder; dropped when one turns out harmed. */
    private static final Map<String, Target> CANARIES = new HashMap<>();

    /** Where an object lives, for deciding who may see its id. */
    enum Zone {
        A, A2, A_TOKENS, B, B_TOKENS, USERS;

        boolean visibleTo(Party party) {
            switch (party) {
                case A:
                    return this == A || this == A2 || this == A_TOKENS;
                case A_CAT:
                    return this == A;
                case B:
                    return this == B || this == B_TOKENS;
                case B_CAT:
                    return this == B;
                default:
                    return this == USERS;
            }
        }
    }

    /** An object a cell is aimed at, and how to tell that it is still as it was. */
    record Target(String kind, String id, String secret, String ownerToken, Zone zone, String name, String collection) {
    }

    @BeforeAll
    static void setUp() {
        Map<String, Object> properties = new HashMap<>(TestServerProperties.superuser());
        properties.put("ainstruct.jwt-secret", JWT_SECRET);
        server = TestServer.start(properties);
        api = new Api(server.uri());

        admin = server.users().admin();
        a = server.users().register("alice");
        b = server.users().register("bob");
        TestUser c = server.users().register("carol");

        // A's objects: A.col (reached by A's CATs), A.col2; a document in each.
        fixed("A.col", server.users().createCollection(a, "matrix-a"), Zone.A);
        fixed("A.col2", server.users().createCollection(a, "matrix-a2"), Zone.A2);
        fixed("A.doc", Accounts.document(api, a.accessToken(), FIXED.get("A.col"), "A doc"), Zone.A);
        fixed("A.doc2", Accounts.document(api, a.accessToken(), FIXED.get("A.col2"), "A doc 2"), Zone.A2);
        fixed("B.col", server.users().createCollection(b, "matrix-b"), Zone.B);
        fixed("B.doc", Accounts.document(api, b.accessToken(), FIXED.get("B.col"), "B doc"), Zone.B);
        FIXED.put("victim", server.users().register("victim").id());
        FIXED.put("nobody", UUID.randomUUID().toString());

        // The valid callers, in column order.
        valid("A JWT", Party.A, a.accessToken());
        valid("A PAT{read}", Party.A, aToken(server.users().pat(a, Scope.READ)));
        valid("A PAT{read,write}", Party.A, aToken(server.users().pat(a, Scope.READ, Scope.WRITE)));
        // A holds an admin PAT minted while a superuser; demoting A must take the admin scope away from it.
        assertThat(api.post("/api/v1/admin/users/" + a.id() + "/promote", admin.accessToken(), "").status()).isEqualTo(200);
        TestUser aAsSuperuser = server.users().login(a.username(), a.password());
        String demotedAdminPat = aToken(server.users().pat(aAsSuperuser, Scope.READ, Scope.WRITE, Scope.ADMIN));
        assertThat(api.get("/api/v1/admin/users", demotedAdminPat).status()).as("admin PAT while A is a superuser").isEqualTo(200);
        assertThat(api.patch("/api/v1/admin/users/" + a.id(), admin.accessToken(), Map.of("is_superuser", false)).status()).isEqualTo(200);
        valid("A PAT{read,write,admin} (A since demoted)", Party.A, demotedAdminPat);
        valid("A CAT read", Party.A_CAT, aToken(server.users().cat(a, FIXED.get("A.col"), Permission.READ)));
        valid("A CAT read_write", Party.A_CAT, aToken(server.users().cat(a, FIXED.get("A.col"), Permission.READ_WRITE)));
        valid("B JWT", Party.B, b.accessToken());
        valid("B PAT{read,write}", Party.B, bToken(server.users().pat(b, Scope.READ, Scope.WRITE)));
        valid("B CAT read_write", Party.B_CAT, bToken(server.users().cat(b, FIXED.get("B.col"), Permission.READ_WRITE)));
        valid("admin JWT", Party.NOBODY, admin.accessToken());
        valid("admin PAT{read,write,admin}", Party.NOBODY, server.users().pat(admin, Scope.READ, Scope.WRITE, Scope.ADMIN).secret());
        valid("admin PAT{read,write}", Party.NOBODY, server.users().pat(admin, Scope.READ, Scope.WRITE).secret());
        valid("A PAT{write}", Party.A, aToken(server.users().pat(a, Scope.WRITE)));
        // The longest lifetime, so that it outlives every token it rotates in the table.
        var tokensPat = api.post("/api/v1/auth/pat", a.accessToken(), Map.of("label", "matrix tokens",
                "scopes", List.of("read", "write", "tokens"), "expires_in_days", 365));
        assertThat(tokensPat.status()).as(tokensPat.raw()).isEqualTo(201);
        ZONES.put(tokensPat.text("pat_id"), Zone.A_TOKENS);
        valid("A PAT{read,write,tokens}", Party.A, tokensPat.text("token"));
        assertThat(VALID.keySet()).containsExactlyElementsOf(COLUMNS);

        // The invalid ones.
        invalid("anonymous", null, "NOT_AUTHENTICATED");
        invalid("malformed token", "not-a-token", "INVALID_TOKEN");
        invalid("unknown PAT", Forge.secret("pat_live_"), "INVALID_TOKEN");
        invalid("unknown CAT", Forge.secret("cat_live_"), "INVALID_TOKEN");
        String expired = Forge.secret("pat_live_");
        ZONES.put(Forge.insertPat(server.databaseUrl(), a.id(), expired, Instant.now().minusSeconds(3600), true, "read", "write"), Zone.A_TOKENS);
        invalid("A PAT expired", expired, "INVALID_TOKEN");
        Issued revoked = server.users().pat(a, Scope.READ, Scope.WRITE);
        ZONES.put(revoked.id(), Zone.A_TOKENS);
        assertThat(api.delete("/api/v1/auth/pat/" + revoked.id(), a.accessToken()).status()).isEqualTo(200);
        invalid("A PAT revoked", revoked.secret(), "INVALID_TOKEN");
        Issued rotated = server.users().pat(a, Scope.READ, Scope.WRITE);
        ZONES.put(rotated.id(), Zone.A_TOKENS);
        assertThat(api.post("/api/v1/auth/pat/" + rotated.id() + "/rotate", a.accessToken(), "").status()).isEqualTo(200);
        invalid("A PAT rotated away (old secret)", rotated.secret(), "INVALID_TOKEN");
        Issued revokedCat = server.users().cat(a, FIXED.get("A.col"), Permission.READ_WRITE);
        ZONES.put(revokedCat.id(), Zone.A_TOKENS);
        assertThat(api.delete("/api/v1/auth/cat/" + revokedCat.id(), a.accessToken()).status()).isEqualTo(200);
        invalid("A CAT revoked", revokedCat.secret(), "INVALID_TOKEN");
        Issued rotatedCat = server.users().cat(a, FIXED.get("A.col"), Permission.READ_WRITE);
        ZONES.put(rotatedCat.id(), Zone.A_TOKENS);
        assertThat(api.post("/api/v1/auth/cat/" + rotatedCat.id() + "/rotate", a.accessToken(), "").status()).isEqualTo(200);
        invalid("A CAT rotated away (old secret)", rotatedCat.secret(), "INVALID_TOKEN");

        // C's session and tokens work, then an admin deactivates C: they must stop at once.
        String cPat = server.users().pat(c, Scope.READ, Scope.WRITE).secret();
        String cCat = server.users().cat(c, api.defaultCollection(c.accessToken()), Permission.READ_WRITE).secret();
        assertThat(api.get("/api/v1/auth/profile", cPat).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/documents", cCat).status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/admin/users/" + c.id(), admin.accessToken(), Map.of("is_active", false)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/profile", cPat).status()).as("deactivated user's PAT, at once").isEqualTo(401);
        assertThat(api.get("/api/v1/documents", cCat).status()).as("deactivated user's CAT, at once").isEqualTo(401);
        invalid("deactivated user's PAT", cPat, "INVALID_TOKEN");
        invalid("deactivated user's CAT", cCat, "INVALID_TOKEN");
        invalid("deactivated user's JWT", c.accessToken(), "INVALID_TOKEN");

        byte[] serverKey = JWT_SECRET.getBytes(StandardCharsets.UTF_8);
        Instant later = Instant.now().plusSeconds(600);
        String stamp = Forge.credentialStamp(server.databaseUrl(), a.id());
        invalid("JWT without the password's stamp, server's key", Forge.jwt(serverKey, JWSAlgorithm.HS256, a.id(), null,
                Forge.ISSUER, later), "INVALID_TOKEN");
        invalid("JWT with another password's stamp, server's key", Forge.jwt(serverKey, JWSAlgorithm.HS256, a.id(),
                "0123456789abcdef", Forge.ISSUER, later), "INVALID_TOKEN");
        invalid("JWT signed with another key", Forge.jwt(Forge.randomKey(32), JWSAlgorithm.HS256, a.id(), stamp, Forge.ISSUER, later), "INVALID_TOKEN");
        invalid("JWT alg:none", Forge.unsigned(a.id(), stamp), "INVALID_TOKEN");
        invalid("JWT HS512 with the server's key", Forge.jwt(serverKey, JWSAlgorithm.HS512, a.id(), stamp, Forge.ISSUER, later), "INVALID_TOKEN");
        invalid("JWT expired, server's key", Forge.jwt(serverKey, JWSAlgorithm.HS256, a.id(), stamp, Forge.ISSUER,
                Instant.now().minusSeconds(60)), "INVALID_TOKEN");
    }

    @AfterAll
    static void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    private static void fixed(String placeholder, String id, Zone zone) {
        FIXED.put(placeholder, id);
        ZONES.put(id, zone);
    }

    private static String aToken(Issued created) {
        ZONES.put(created.id(), Zone.A_TOKENS);
        return created.secret();
    }

    private static String bToken(Issued created) {
        ZONES.put(created.id(), Zone.B_TOKENS);
        return created.secret();
    }

    private static void valid(String label, Party party, String token) {
        VALID.put(label, new Who(label, party, token, null));
    }

    private static void invalid(String label, String token, String code) {
        INVALID.add(new Who(label, Party.NOBODY, token, code));
    }

    // ---- running the table ---------------------------------------------------------------------------------------
    @TestFactory
    List<DynamicNode> matrix() {
        List<DynamicNode> rows = new ArrayList<>();
        for (int r = 0; r < TABLE.size(); r++) {
            Row row = TABLE.get(r);
            String rowKey = Integer.toString(r);
            List<DynamicTest> cells = new ArrayList<>();
            for (int column = 0; column < COLUMNS.size(); column++) {
                Who who = VALID.get(COLUMNS.get(column));
                Expect expected = row.valid().get(column);
                cells.add(DynamicTest.dynamicTest(who + " → " + expected, () -> cell(rowKey, row, who, expected)));
            }
            for (Who who : INVALID) {
                cells.add(DynamicTest.dynamicTest(who + " → " + row.invalid(), () -> cell(rowKey, row, who, row.invalid())));
            }
            rows.add(DynamicContainer.dynamicContainer(row.title(), cells));
        }
        return rows;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9.\\-]+)}");

    private static void cell(String rowKey, Row row, Who who, Expect expected) {
        Map<String, Target> targets = new LinkedHashMap<>();
        String path = resolve(row.path(), rowKey, expected.success(), targets);
        String body = row.body() == null ? null : resolve(row.body().json(), rowKey, expected.success(), targets);
        String url = row.path().startsWith("/health") ? path : "/api/v1" + path;

        Api.Response response = send(row.method(), url, who.token(), body);

        String context = row.title() + " as " + who + ": " + response.raw();
        assertThat(response.status()).as(context).isEqualTo(expected.status);
        if (who.label().equals("A PAT{write}")) {
            assertThat(response.raw()).as("a caller who may not read gets no content: " + context)
                    .doesNotContain("\"content\":\"");
        }
        if (!expected.success()) {
            String code = response.errorCode();
            assertThat(code).as("error code of " + context).isNotNull();
            switch (expected) {
                case S404:
                    assertThat(code).as(context).endsWith("_NOT_FOUND").isNotEqualTo("NOT_FOUND");
                    break;
                case S401:
                    assertThat(code).as(context).isEqualTo(who.code401() == null ? "INVALID_TOKEN" : who.code401());
                    assertThat(response.http().headers().firstValue("WWW-Authenticate")).as(context).contains("Bearer");
                    break;
                default:
                    assertThat(code).as(context).isEqualTo(expected.code);
            }
            assertThat(response.raw()).as(context).doesNotContain("Exception").doesNotContain("\tat ");
        }
        // Nothing of what the caller may not see is in the answer, whatever its status.
        for (Map.Entry<String, Zone> id : ZONES.entrySet()) {
            if (!id.getValue().visibleTo(who.party())) {
                assertThat(response.raw()).as("%s leaks %s id %s", context, id.getValue(), id.getKey()).doesNotContain(id.getKey());
            }
        }
        for (Target target : targets.values()) {
            if (!target.zone().visibleTo(who.party())) {
                assertThat(response.raw()).as("%s leaks %s %s", context, target.kind(), target.id()).doesNotContain(target.id());
            }
        }
        // A refused request changed nothing.
        if (!expected.success()) {
            for (Map.Entry<String, Target> entry : targets.entrySet()) {
                if (!intact(entry.getValue())) {
                    CANARIES.remove(rowKey + "|" + entry.getKey());
                    throw new AssertionError(context + " was refused but harmed its target " + entry.getValue());
                }
            }
        }
    }

    private static String resolve(String template, String rowKey, boolean fresh, Map<String, Target> targets) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (name.equals("unique")) {
                value = UUID.randomUUID().toString().substring(0, 8);
            } else if (FIXED.containsKey(name)) {
                value = FIXED.get(name);
            } else {
                Target target = targets.computeIfAbsent(name, n -> fresh ? create(n) : CANARIES.computeIfAbsent(rowKey + "|" + n, k -> create(n)));
                value = target.id();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Target create(String placeholder) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        switch (placeholder) {
            case "A.new-col":
                return new Target("collection", server.users().createCollection(a, "new " + unique), null, a.accessToken(),
                        Zone.A2, "new " + unique, null);
            case "B.new-col":
                return new Target("collection", server.users().createCollection(b, "new " + unique), null, b.accessToken(),
                        Zone.B, "new " + unique, null);
            case "A.new-doc":
                return document(a, "A.col", Zone.A, unique);
            case "A.new-doc2":
                return document(a, "A.col2", Zone.A2, unique);
            case "B.new-doc":
                return document(b, "B.col", Zone.B, unique);
            case "A.new-pat":
                return token("pat", server.users().pat(a, Scope.READ), a, Zone.A_TOKENS);
            case "B.new-pat":
                return token("pat", server.users().pat(b, Scope.READ), b, Zone.B_TOKENS);
            case "A.new-cat":
                return token("cat", server.users().cat(a, FIXED.get("A.col"), Permission.READ), a, Zone.A_TOKENS);
            case "B.new-cat":
                return token("cat", server.users().cat(b, FIXED.get("B.col"), Permission.READ), b, Zone.B_TOKENS);
            case "new-user":
                return new Target("user", server.users().register("target").id(), null, admin.accessToken(), Zone.USERS, null, null);
            default:
                throw new IllegalArgumentException("unknown placeholder {" + placeholder + "}");
        }
    }

    private static Target document(TestUser owner, String collection, Zone zone, String unique) {
        String title = "new " + unique;
        return new Target("document", Accounts.document(api, owner.accessToken(), FIXED.get(collection), title), null,
                owner.accessToken(), zone, title, FIXED.get(collection));
    }

    private static Target token(String kind, Issued created, TestUser owner, Zone zone) {
        return new Target(kind, created.id(), created.secret(), owner.accessToken(), zone, null, null);
    }

    /** The target exists, unchanged; a token's secret still works (it was neither revoked nor rotated). */
    private static boolean intact(Target target) {
        switch (target.kind()) {
            case "collection": {
                Api.Response r = api.get("/api/v1/collections/" + target.id(), target.ownerToken());
                return r.status() == 200 && r.text("name").equals(target.name());
            }
            case "document": {
                Api.Response r = api.get("/api/v1/documents/" + target.id(), target.ownerToken());
                return r.status() == 200 && r.text("title").equals(target.name()) && r.text("collection_id").equals(target.collection());
            }
            case "pat":
                return api.get("/api/v1/auth/profile", target.secret()).status() == 200;
            case "cat":
                return api.get("/api/v1/documents", target.secret()).status() == 200;
            case "user": {
                Api.Response r = api.get("/api/v1/admin/users/" + target.id(), target.ownerToken());
                return r.status() == 200 && r.body().path("is_active").asBoolean() && !r.body().path("is_superuser").asBoolean();
            }
            default:
                throw new IllegalArgumentException(target.kind());
        }
    }

    private static Api.Response send(String method, String path, String token, String body) {
        switch (method) {
            case "GET":
                return api.get(path, token);
            case "DELETE":
                return api.delete(path, token);
            case "POST":
                return api.post(path, token, body == null ? "" : body);
            case "PATCH":
                return api.patch(path, token, body == null ? "" : body);
            default:
                throw new IllegalArgumentException(method);
        }
    }

    // ---- what the table alone does not show ------------------------------------------------------------------
    @Test
    void theForgedJwtsFailForTheReasonTheyAreNamedFor() {
        // Built the same way with the server's key, HS256, the right issuer and a future expiry, a token works: the
        // refusals in the table come from the key, the algorithm or the expiry, not from a malformed token.
        byte[] serverKey = JWT_SECRET.getBytes(StandardCharsets.UTF_8);
        String stamp = Forge.credentialStamp(server.databaseUrl(), a.id());
        String genuine = Forge.jwt(serverKey, JWSAlgorithm.HS256, a.id(), stamp, Forge.ISSUER, Instant.now().plusSeconds(600));
        assertThat(api.get("/api/v1/auth/profile", genuine).text("user_id")).isEqualTo(a.id());
        String wrongIssuer = Forge.jwt(serverKey, JWSAlgorithm.HS256, a.id(), stamp, "someone-else", Instant.now().plusSeconds(600));
        assertThat(api.get("/api/v1/auth/profile", wrongIssuer).status()).isEqualTo(401);
        String unknownUser = Forge.jwt(serverKey, JWSAlgorithm.HS256, UUID.randomUUID().toString(), stamp, Forge.ISSUER, Instant.now().plusSeconds(600));
        assertThat(api.get("/api/v1/auth/profile", unknownUser).status()).isEqualTo(401);
    }

    @Test
    void aUserWhoIsNotASuperuserCannotMintAnAdminToken() {
        var refused = api.post("/api/v1/auth/pat", a.accessToken(), Map.of("label", "escalate", "scopes", List.of("admin")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("INSUFFICIENT_SCOPE");
        // and nothing was created
        for (JsonNode pat : api.get("/api/v1/auth/pat", a.accessToken()).body().path("tokens")) {
            assertThat(pat.path("label").asText()).isNotEqualTo("escalate");
        }
    }

    @Test
    void aCatListsAndSearchesItsOwnCollectionOnly() {
        String cat = VALID.get("A CAT read").token();
        JsonNode listed = api.get("/api/v1/documents", cat).body().path("documents");
        assertThat(listed.findValuesAsText("collection_id")).isNotEmpty().containsOnly(FIXED.get("A.col"));
        JsonNode found = api.post("/api/v1/documents/search", cat, Map.of("query", "sourdough", "max_results", 50)).body().path("results");
        assertThat(found.findValuesAsText("collection_id")).containsOnly(FIXED.get("A.col"));
    }
}
