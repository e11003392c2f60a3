package io.ainstruct.adapter.web.page;

import java.util.LinkedHashMap;

/** What a template sees: names to values. Templates read maps, so view models need no getters or reflection. */
public final class Model extends LinkedHashMap<String, Object> {

    public static Model of(Object... namesAndValues) {
        Model model = new Model();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            model.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return model;
    }

    public Model with(String name, Object value) {
        put(name, value);
        return this;
    }
}
