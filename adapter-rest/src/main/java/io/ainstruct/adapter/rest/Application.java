package io.ainstruct.adapter.rest;

import io.ainstruct.bootstrap.AinstructApplication;

/** Starts the REST server on the configured database, or on the embedded defaults. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        AinstructApplication.run(Application.class, args);
    }
}
