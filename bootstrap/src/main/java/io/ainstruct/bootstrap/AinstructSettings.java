package io.ainstruct.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Everything under {@code ainstruct.*}; defaults are the embedded, zero-configuration setup. */
@ConfigurationProperties("ainstruct")
public interface AinstructSettings {

    /** Where the embedded PostgreSQL and dev-mode secrets live. */
    @Bindable(defaultValue = "data")
    Path getDataDir();

    /** Dev mode allows a generated, persisted JWT secret; it is on whenever the embedded database runs. */
    @Bindable(defaultValue = "false")
    boolean isDevMode();

    @Bindable(defaultValue = "10485760")
    long getMaxDocumentBytes();

    @Bindable(defaultValue = "400")
    int getChunkMaxTokens();

    @Bindable(defaultValue = "50")
    int getChunkOverlapTokens();

    /** HS256 signing secret for access tokens: base64 or text of at least 32 bytes. */
    Optional<String> getJwtSecret();

    @Bindable(defaultValue = "30m")
    Duration getAccessTokenLifetime();

    @Bindable(defaultValue = "7d")
    Duration getRefreshTokenLifetime();

    @Bindable(defaultValue = "12")
    int getBcryptCost();

    /** Login attempts allowed per client address and minute. */
    @Bindable(defaultValue = "10")
    int getLoginAttemptsPerMinute();

    /** Registrations allowed per client address and hour. */
    @Bindable(defaultValue = "5")
    int getRegistrationsPerHour();

    /** How often request counts and token last-use times are written. */
    @Bindable(defaultValue = "5s")
    Duration getActivityFlushInterval();
}
