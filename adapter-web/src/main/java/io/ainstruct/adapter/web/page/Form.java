package io.ainstruct.adapter.web.page;

import java.util.Map;

/** A submitted form and the page it lives on, where a rejection or an expired session sends the person back. */
public record Form(Map<String, String> fields, String page) {
    static final String CSRF_FIELD = "_csrf";

    public Form {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    public static Form of(Map<String, String> fields, String page) {
        return new Form(fields, page);
    }

    /** A field as typed, or "" when absent. */
    public String get(String name) {
        return fields.getOrDefault(name, "");
    }

    /** A field, or null when absent or blank, for use cases that apply their own default. */
    public String optional(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A number field, or null when blank; text that is no number is handed on as-is for the use case to refuse. */
    public Integer number(String name) {
        String value = optional(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }

    public boolean checked(String name) {
        return fields.containsKey(name);
    }
}
