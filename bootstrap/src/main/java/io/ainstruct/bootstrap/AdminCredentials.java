package io.ainstruct.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code ainstruct.admin.*}: the first superuser, from the environment of the first start. */
@ConfigurationProperties("ainstruct.admin")
interface AdminCredentials {
    String getUsername();

    String getEmail();

    String getPassword();
}
