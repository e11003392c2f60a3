package io.ainstruct.library;

/**
 * The embedding models that run inside the process (ONNX, no network): which one turns documents and queries into
 * vectors. Choose once per database: the memory refuses to open on vectors another model made (re-embed them with
 * the server's {@code reindex} command to switch).
 */
public enum LocalEmbedding {
    /** The default of new installations, as for the server: better rankings, a few times MiniLM's CPU per text. */
    BGE_SMALL_EN_V15_Q("bge-small-en-v15-q"),
    /** The smaller, faster model: good enough where ranking quality matters less than CPU. */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q");

    private final String modelName;

    LocalEmbedding(String modelName) {
        this.modelName = modelName;
    }

    /** The name the server's {@code EMBEDDING_LOCAL_MODEL} setting takes. */
    public String modelName() {
        return modelName;
    }
}
