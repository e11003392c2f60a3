package io.ainstruct.bootstrap;

import io.ainstruct.application.account.AccountService;
import io.ainstruct.application.account.Registration;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first superuser from {@code AINSTRUCT_ADMIN_USERNAME}, {@code _EMAIL} and {@code _PASSWORD} when they are
 * set. There is no default administrator and no default password: without these settings nobody is an admin until an
 * existing one promotes them.
 */
@Context
@Requires(property = "ainstruct.admin.username")
@Requires(property = "ainstruct.admin.email")
@Requires(property = "ainstruct.admin.password")
class FirstAdministrator {
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

    FirstAdministrator(AccountService accounts, AdminCredentials credentials) {
        var admin = accounts.ensureSuperuser(new Registration(credentials.getUsername(), credentials.getEmail(),
                credentials.getPassword()));
        LOG.info("Superuser '{}' is present", admin.username());
    }
}
