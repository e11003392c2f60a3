package io.ainstruct.adapter.postgres.shared;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;

/** Embeddings between Java's {@code float[]} and PostgreSQL's {@code real[]}. */
public final class Embeddings {
    private Embeddings() {
    }

    public static Array toSqlArray(Connection connection, float[] embedding) throws SQLException {
        Float[] boxed = new Float[embedding.length];
        for (int i = 0; i < embedding.length; i++) {
            boxed[i] = embedding[i];
        }
        return connection.createArrayOf("float4", boxed);
    }

    public static float[] fromSqlArray(Array array) throws SQLException {
        Float[] boxed = (Float[]) array.getArray();
        float[] embedding = new float[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            embedding[i] = boxed[i];
        }
        return embedding;
    }
}
