package io.ainstruct.application.account;

import io.ainstruct.domain.error.InvalidInput;
import io.ainstruct.domain.field.FieldLimits;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** A request to create an account; checks its own fields. */
public record Registration(String username, String email, String password) {
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}_.\\-]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    // bcrypt reads at most 72 bytes; refusing longer passwords beats silently ignoring their tail.
    private static final int MAX_PASSWORD_BYTES = 72;

    public Registration {
        username = username(username);
        email = email(email);
        password("password", password);
    }

    /** The rules on passwords, shared with password changes and administrators' resets. */
    public static String password(String field, String password) {
        FieldLimits.PASSWORD.as(field).require(password);
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInput(field, "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
        return password;
    }

    /** The rules on usernames, shared with administrators' edits. */
    public static String username(String username) {
        FieldLimits.USERNAME.require(username);
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidInput("username", "may contain letters, digits, '_', '.' and '-' only");
        }
        return username;
    }

    /** The rules on e-mail addresses, shared with administrators' edits; returns the address in lower case. */
    public static String email(String email) {
        FieldLimits.EMAIL.require(email);
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(normalized).matches()) {
            throw new InvalidInput("email", "is not an e-mail address");
        }
        return normalized;
    }
}
