package io.ainstruct.adapter.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.ainstruct.domain.port.AccessTokens;
import io.ainstruct.domain.session.AccessClaims;
import io.ainstruct.domain.session.IssuedToken;
import io.ainstruct.domain.user.UserId;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** HS256 JWT access tokens: {@code sub} is the user id, and nothing else in the token is trusted. */
public final class JwtAccessTokens implements AccessTokens {

    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);

    /** Replicas behind one load balancer may disagree on the time by a little; no more is forgiven. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    /** Ours are ~300 characters; refusing anything far larger before parsing keeps junk cheap. */
    private static final int MAX_TOKEN_LENGTH = 4096;

    // The stamp of the password a token was issued under (User.credentialStamp).
    private static final String STAMP_CLAIM = "cst";

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final String issuer;
    private final Duration lifetime;

    public JwtAccessTokens(byte[] secret, String issuer) {
        this(secret, issuer, DEFAULT_LIFETIME);
    }

    public JwtAccessTokens(byte[] secret, String issuer, Duration lifetime) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < SigningSecret.MIN_BYTES) {
            throw new IllegalArgumentException("the JWT signing secret must be at least " + SigningSecret.MIN_BYTES
                    + " bytes (256 bits) for HS256, was " + secret.length);
        }
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("the JWT issuer must not be blank");
        }
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the access token lifetime must be at least one second, was " + lifetime);
        }
        try {
            this.signer = new MACSigner(secret.clone());
            this.verifier = new MACVerifier(secret.clone());
        } catch (JOSEException e) {
            // Only a short key makes nimbus refuse, and that was checked above.
            throw new IllegalStateException(e);
        }
        this.issuer = issuer;
        this.lifetime = lifetime;
    }

    @Override
    public IssuedToken issue(UserId user, String credentialStamp, Instant now) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(credentialStamp, "credentialStamp");
        Objects.requireNonNull(now, "now");
        // JWT times are whole seconds: report the expiry the token really carries.
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(user.value().toString())
                .issuer(issuer)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim(STAMP_CLAIM, credentialStamp)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing an access token failed", e);
        }
        return new IssuedToken(jwt.serialize(), expiresAt);
    }

    @Override
    public Optional<AccessClaims> verify(String token, Instant now) {
        Objects.requireNonNull(now, "now");
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            // MACVerifier also accepts HS384/HS512 under the same key: pin the one algorithm we issue.
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer()) || !unexpired(claims.getExpirationTime(), now)) {
                return Optional.empty();
            }
            String stamp = claims.getStringClaim(STAMP_CLAIM);
            return stamp == null ? Optional.empty() : userId(claims.getSubject()).map(user -> new AccessClaims(user, stamp));
        } catch (ParseException | JOSEException | RuntimeException e) {
            // Malformed base64, JSON or claim types. nimbus does not always wrap them: a JSON "null" header
            // escapes as a NullPointerException. Anything unreadable is simply not a valid token.
            return Optional.empty();
        }
    }

    private static boolean unexpired(Date expiration, Instant now) {
        return expiration != null && now.isBefore(expiration.toInstant().plus(CLOCK_SKEW));
    }

    /** Only the canonical form we issue: {@link UUID#fromString} alone would also take "1-2-3-4-5". */
    private static Optional<UserId> userId(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(subject);
            return id.toString().equals(subject) ? Optional.of(new UserId(id)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
