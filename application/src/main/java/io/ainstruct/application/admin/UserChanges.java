package io.ainstruct.application.admin;

import io.ainstruct.application.account.Registration;

import java.util.Optional;

/** What an administrator may change about a user; an empty field stays as it is. */
public record UserChanges(Optional<String> email, Optional<String> username, Optional<Boolean> active,
                          Optional<Boolean> superuser, Optional<String> password) {

    public UserChanges {
        email = email.map(Registration::email);
        username = username.map(Registration::username);
        password = password.map(p -> Registration.password("password", p));
    }

    public static UserChanges activeOnly(boolean active) {
        return new UserChanges(Optional.empty(), Optional.empty(), Optional.of(active), Optional.empty(), Optional.empty());
    }
}
