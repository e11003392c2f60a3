package io.ainstruct.domain.error;

/** The stable, upper-snake codes of the contract's error envelope. Clients switch on these; never rename one. */
public enum ErrorCode {
    VALIDATION_ERROR,
    INVALID_ID,
    /** A search asked for a mode other than hybrid, semantic or keyword (400). */
    UNKNOWN_SEARCH_MODE,
    MALFORMED_REQUEST,
    NOT_AUTHENTICATED,
    INVALID_TOKEN,
    INVALID_CREDENTIALS,
    INVALID_REFRESH_TOKEN,
    ACCOUNT_DISABLED,
    FORBIDDEN,
    INSUFFICIENT_SCOPE,
    USERNAME_EXISTS,
    EMAIL_EXISTS,
    USER_NOT_FOUND,
    CANNOT_DELETE_SELF,
    CANNOT_DEACTIVATE_SELF,
    PAT_NOT_FOUND,
    CAT_NOT_FOUND,
    TOKEN_REVOKED,
    COLLECTION_NOT_FOUND,
    COLLECTION_EXISTS,
    COLLECTION_HAS_ACTIVE_CATS,
    DOCUMENT_NOT_FOUND,
    DUPLICATE_CONTENT,
    DOCUMENT_TOO_LARGE,
    /** A document's metadata passes a bound of {@code FieldLimits.METADATA}: size, keys or depth (413). */
    METADATA_TOO_LARGE,
    REQUEST_TOO_LARGE,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    UNSUPPORTED_MEDIA_TYPE,
    RATE_LIMITED,
    EMBEDDING_MODEL_MISMATCH,
    SERVICE_UNAVAILABLE,
    /** Every database connection stayed busy for longer than the pool's timeout (503, retry). */
    DATABASE_BUSY,
    /** The database cannot be reached or is restarting (503, retry). */
    DATABASE_UNAVAILABLE,
    INTERNAL_ERROR
}
