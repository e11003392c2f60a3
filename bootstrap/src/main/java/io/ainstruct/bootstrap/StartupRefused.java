package io.ainstruct.bootstrap;

/**
 * A configuration the server will not run with. Its message is the whole story for the operator (what to set, and
 * how), so the launcher prints it as one line instead of a stack trace.
 */
public final class StartupRefused extends RuntimeException {

    public StartupRefused(String message) {
        super(message, null, false, false);
    }
}
