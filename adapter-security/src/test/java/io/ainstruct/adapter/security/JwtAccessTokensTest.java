package io.ainstruct.adapter.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.ainstruct.domain.session.IssuedToken;
import io.ainstruct.domain.session.AccessClaims;
import io.ainstruct.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtAccessTokensTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_SECRET = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private final JwtAccessTokens tokens = new JwtAccessTokens(SECRET, "ainstruct");
    private static final String STAMP = "0123456789abcdef";
    private final UserId user = UserId.random();
    private final AccessClaims claims = new AccessClaims(user, STAMP);

    @Test
    void verifiesWhatItIssued() {
        IssuedToken issued = tokens.issue(user, STAMP, NOW);

        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(tokens.verify(issued.value(), NOW)).contains(claims);
        assertThat(tokens.verify(issued.value(), issued.expiresAt().minusSeconds(1))).contains(claims);
    }

    @Test
    void carriesTheStandardClaims() throws Exception {
        SignedJWT jwt = SignedJWT.parse(tokens.issue(user, STAMP, NOW).value());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(claims.getSubject()).isEqualTo(user.value().toString());
        assertThat(claims.getIssuer()).isEqualTo("ainstruct");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(claims.getStringClaim("cst")).isEqualTo(STAMP);
        assertThat(claims.getJWTID()).isNotBlank()
                .isNotEqualTo(SignedJWT.parse(tokens.issue(user, STAMP, NOW).value()).getJWTClaimsSet().getJWTID());
    }

    @Test
    void reportsTheWholeSecondExpiryTheTokenCarries() {
        JwtAccessTokens shortLived = new JwtAccessTokens(SECRET, "ainstruct", Duration.ofMinutes(5));

        IssuedToken issued = shortLived.issue(user, STAMP, NOW.plusMillis(750));

        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void refusesAnExpiredToken() {
        IssuedToken issued = tokens.issue(user, STAMP, NOW);

        assertThat(tokens.verify(issued.value(), NOW.plus(Duration.ofMinutes(31)))).isEmpty();
        assertThat(tokens.verify(issued.value(), NOW.plus(Duration.ofDays(365)))).isEmpty();
    }

    @Test
    void forgivesOnlyAFewSecondsOfClockSkew() {
        IssuedToken issued = tokens.issue(user, STAMP, NOW);
        Instant lastForgiven = issued.expiresAt().plus(JwtAccessTokens.CLOCK_SKEW).minusMillis(1);

        assertThat(JwtAccessTokens.CLOCK_SKEW).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(tokens.verify(issued.value(), lastForgiven)).contains(claims);
        assertThat(tokens.verify(issued.value(), lastForgiven.plusMillis(1))).isEmpty();
    }

    @Test
    void refusesATamperedPayload() {
        String[] parts = tokens.issue(user, STAMP, NOW).value().split("\\.");
        String otherUser = "{\"sub\":\"" + UUID.randomUUID() + "\",\"iss\":\"ainstruct\",\"exp\":"
                + NOW.plusSeconds(1800).getEpochSecond() + "}";

        String forged = parts[0] + "." + b64(otherUser) + "." + parts[2];

        assertThat(tokens.verify(forged, NOW)).isEmpty();
    }

    @Test
    void refusesEveryAlteredCharacter() {
        String token = tokens.issue(user, STAMP, NOW).value();
        // The signature's last character carries 4 unused bits, so some edits of it decode to the same bytes.
        for (int i = 0; i < token.length() - 1; i++) {
            char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
            String altered = token.substring(0, i) + replacement + token.substring(i + 1);

            assertThat(tokens.verify(altered, NOW)).as("altered at %d", i).isEmpty();
        }
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() {
        String foreign = new JwtAccessTokens(OTHER_SECRET, "ainstruct").issue(user, STAMP, NOW).value();

        assertThat(tokens.verify(foreign, NOW)).isEmpty();
    }

    @Test
    void refusesAnotherIssuer() {
        String foreign = new JwtAccessTokens(SECRET, "someone-else").issue(user, STAMP, NOW).value();

        assertThat(tokens.verify(foreign, NOW)).isEmpty();
    }

    @Test
    void refusesAnUnsignedAlgNoneToken() {
        String payload = b64(validClaimsJson(user.value().toString()));

        assertThat(tokens.verify(b64("{\"alg\":\"none\"}") + "." + payload + ".", NOW)).isEmpty();
        assertThat(tokens.verify(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".", NOW)).isEmpty();
        assertThat(tokens.verify(b64("{\"alg\":\"None\"}") + "." + payload + ".", NOW)).isEmpty();
    }

    @Test
    void refusesAnAlgNoneHeaderOverAValidSignature() {
        String[] parts = tokens.issue(user, STAMP, NOW).value().split("\\.");

        assertThat(tokens.verify(b64("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2], NOW)).isEmpty();
        assertThat(tokens.verify(parts[0] + "." + parts[1] + ".", NOW)).isEmpty();
    }

    /** MACVerifier would accept these under the same key: only the pinned algorithm keeps them out. */
    @ParameterizedTest
    @ValueSource(strings = {"HS384", "HS512"})
    void refusesOtherHmacAlgorithmsUnderTheSameSecret(String algorithm) throws Exception {
        byte[] longEnough = new byte[64];
        System.arraycopy(SECRET, 0, longEnough, 0, SECRET.length);
        System.arraycopy(SECRET, 0, longEnough, SECRET.length, SECRET.length);
        JwtAccessTokens withLongSecret = new JwtAccessTokens(longEnough, "ainstruct");

        String token = sign(JWSAlgorithm.parse(algorithm), longEnough, validClaims(user.value().toString()));

        assertThat(withLongSecret.verify(token, NOW)).isEmpty();
    }

    @Test
    void refusesAnRs256HeaderOverAnHmacSignature() throws Exception {
        String[] hs256 = sign(JWSAlgorithm.HS256, SECRET, validClaims(user.value().toString())).split("\\.");

        String confused = b64("{\"alg\":\"RS256\"}") + "." + hs256[1] + "." + hs256[2];

        assertThat(tokens.verify(confused, NOW)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "", "1-2-3-4-5", "00000000-0000-0000-0000-00000000000G"})
    void refusesASubjectThatIsNotACanonicalUuid(String subject) throws Exception {
        String token = sign(JWSAlgorithm.HS256, SECRET, validClaims(subject));

        assertThat(tokens.verify(token, NOW)).isEmpty();
    }

    @Test
    void refusesMissingClaims() throws Exception {
        String sub = user.value().toString();
        Date exp = Date.from(NOW.plusSeconds(60));

        assertThat(tokens.verify(sign(JWSAlgorithm.HS256, SECRET,
                new JWTClaimsSet.Builder().issuer("ainstruct").expirationTime(exp).build()), NOW)).isEmpty();
        assertThat(tokens.verify(sign(JWSAlgorithm.HS256, SECRET,
                new JWTClaimsSet.Builder().subject(sub).expirationTime(exp).build()), NOW)).isEmpty();
        assertThat(tokens.verify(sign(JWSAlgorithm.HS256, SECRET,
                new JWTClaimsSet.Builder().subject(sub).issuer("ainstruct").build()), NOW)).isEmpty();
        // Issued before tokens carried the password's stamp: it cannot be checked against a password change.
        assertThat(tokens.verify(sign(JWSAlgorithm.HS256, SECRET,
                new JWTClaimsSet.Builder(validClaims(sub)).claim("cst", null).build()), NOW)).isEmpty();
        assertThat(tokens.verify(sign(JWSAlgorithm.HS256, SECRET, validClaims(sub)), NOW)).contains(claims);
    }

    @Test
    void refusesWronglyTypedClaimsSignedWithTheRightSecret() throws Exception {
        String header = b64("{\"alg\":\"HS256\"}");
        for (String claims : new String[]{
                "{\"sub\":\"" + user + "\",\"iss\":\"ainstruct\",\"exp\":\"tomorrow\"}",
                "{\"sub\":42,\"iss\":\"ainstruct\",\"exp\":" + NOW.plusSeconds(60).getEpochSecond() + "}",
                "{\"sub\":\"" + user + "\",\"iss\":[\"ainstruct\"],\"exp\":" + NOW.plusSeconds(60).getEpochSecond() + "}",
                "[]",
                "null",
                "not json"}) {
            String signingInput = header + "." + b64(claims);
            String token = signingInput + "." + Base64URL.encode(hmacSha256(signingInput));

            assertThat(tokens.verify(token, NOW)).as(claims).isEmpty();
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            " ", ".", "..", "...", "....", "a.b.c", "a.b.c.d.e", "eyJ.eyJ.sig", "Bearer x.y.z",
            "eyJhbGciOiJIUzI1NiJ9..", "eyJhbGciOiJIUzI1NiJ9.e30.", "eyJhbGciOiJIUzI1NiJ9.e30.%%%",
            "e30.e30.e30", "bnVsbA.bnVsbA.bnVsbA", "W10.W10.W10", "\u0000.\u0000.\u0000", "日本.語.🔑",
    })
    void refusesGarbageWithoutThrowing(String garbage) {
        assertThat(tokens.verify(garbage, NOW)).isEmpty();
    }

    @Test
    void refusesHugeInputsWithoutThrowing() {
        String valid = tokens.issue(user, STAMP, NOW).value();

        assertThat(tokens.verify("a".repeat(1_000_000), NOW)).isEmpty();
        assertThat(tokens.verify(valid + "A".repeat(1_000_000), NOW)).isEmpty();
        assertThat(tokens.verify("a.".repeat(500_000), NOW)).isEmpty();
    }

    @Test
    void refusesDeeplyNestedJsonWithoutThrowing() {
        String nested = "{\"alg\":\"HS256\",\"x\":" + "[".repeat(2500) + "]".repeat(2500) + "}";

        assertThat(tokens.verify(b64(nested) + ".e30.sig", NOW)).isEmpty();
    }

    @Test
    void refusesRandomInputsWithoutThrowing() {
        Random random = new Random(42);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ {}\":";
        for (int i = 0; i < 2000; i++) {
            StringBuilder input = new StringBuilder();
            for (int n = random.nextInt(200); n > 0; n--) {
                input.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(tokens.verify(input.toString(), NOW)).isEmpty();
        }
    }

    @Test
    void refusesASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> new JwtAccessTokens(new byte[31], "ainstruct"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new JwtAccessTokens(new byte[0], "ainstruct"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesABlankIssuerOrANonPositiveLifetime() {
        assertThatThrownBy(() -> new JwtAccessTokens(SECRET, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JwtAccessTokens(SECRET, "ainstruct", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JwtAccessTokens(SECRET, "ainstruct", Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JWTClaimsSet validClaims(String subject) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("ainstruct")
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(1800)))
                .claim("cst", STAMP)
                .build();
    }

    private static String validClaimsJson(String subject) {
        return validClaims(subject).toString();
    }

    private static String sign(JWSAlgorithm algorithm, byte[] secret, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    private static byte[] hmacSha256(String signingInput) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET, "HmacSHA256"));
        return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    }

    private static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
