package io.ainstruct.bootstrap;

import io.ainstruct.testsupport.TestDatabase;

import java.util.HashMap;
import java.util.Map;

/** The properties of a server context on a fresh database, without the indexing worker, plus {@code extra}. */
final class ServerProperties {

    private ServerProperties() {
    }

    static Map<String, Object> onFreshDatabase(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.micronautProperties(TestDatabase.freshDatabase()));
        properties.put("ainstruct.indexing.worker.enabled", "false");
        properties.put("ainstruct.jwt-secret", "a-secret-that-is-long-enough-for-hs256!!");
        properties.putAll(extra);
        return properties;
    }
}
