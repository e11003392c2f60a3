package io.ainstruct.application.token;

/** The token formats of the contract, shared with the Python service so that its tokens keep working. */
public final class TokenPrefixes {
    public static final String PERSONAL = "pat_live_";
    public static final String COLLECTION = "cat_live_";

    private TokenPrefixes() {
    }
}
