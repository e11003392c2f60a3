package io.ainstruct.adapter.rest;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.ainstruct.testsupport.TestDatabase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;

/** Tokens made outside the server: forged JWTs, and PATs written straight into the database as an import would. */
final class Forge {
    /** The issuer the server puts in, and demands of, its access tokens. */
    static final String ISSUER = "ainstruct";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Forge() {
    }

    /** An HMAC-signed JWT with the given algorithm, key and claims; a null {@code stamp} leaves the password's stamp out. */
    static String jwt(byte[] key, JWSAlgorithm algorithm, String subject, String stamp, String issuer, Instant expiresAt) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(),
                claims(subject, stamp, issuer, expiresAt));
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** An unsigned JWT ({@code "alg": "none"}) with otherwise valid claims. */
    static String unsigned(String subject, String stamp) {
        return new PlainJWT(claims(subject, stamp, ISSUER, Instant.now().plusSeconds(600))).serialize();
    }

    /** The stamp of a user's present password that the server's access tokens carry ({@code User.credentialStamp}). */
    static String credentialStamp(String databaseUrl, String userId) {
        try (Connection connection = DriverManager.getConnection(databaseUrl, TestDatabase.username(), TestDatabase.password());
             PreparedStatement select = connection.prepareStatement("SELECT password_hash FROM users WHERE id = ?")) {
            select.setObject(1, UUID.fromString(userId));
            try (var row = select.executeQuery()) {
                row.next();
                return sha256Hex(row.getString(1)).substring(0, 16);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a password hash failed: " + e.getMessage(), e);
        }
    }

    static byte[] randomKey(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return key;
    }

    /** A secret in the server's own format: prefix + 43 URL-safe characters (256 random bits). */
    static String secret(String prefix) {
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(randomKey(32));
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a PAT row directly, as an import from the Python service would: only the SHA-256 hex of
     * {@code secret} is stored. Returns the row's id.
     */
    static String insertPat(String databaseUrl, String userId, String secret, Instant expiresAt, boolean active,
                            String... scopes) {
        UUID id = UUID.randomUUID();
        String sql = "INSERT INTO pat_tokens (id, user_id, label, token_hash, scopes, expires_at, is_active, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = DriverManager.getConnection(databaseUrl, TestDatabase.username(), TestDatabase.password());
             PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, id);
            insert.setObject(2, UUID.fromString(userId));
            insert.setString(3, "inserted by test");
            insert.setString(4, sha256Hex(secret));
            insert.setArray(5, connection.createArrayOf("text", scopes));
            insert.setObject(6, expiresAt == null ? null : OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC));
            insert.setBoolean(7, active);
            insert.setObject(8, OffsetDateTime.now(ZoneOffset.UTC).minusDays(30));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("inserting a PAT failed: " + e.getMessage(), e);
        }
        return id.toString();
    }

    private static JWTClaimsSet claims(String subject, String stamp, String issuer, Instant expiresAt) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .issueTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("cst", stamp)
                .build();
    }
}
