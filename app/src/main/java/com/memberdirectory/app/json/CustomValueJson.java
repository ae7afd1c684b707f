package com.memberdirectory.app.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A custom field's value written in JSON, as a member change takes it ({@code MemberChanges.custom}): text, a number
 * (exactly as written), a list of option labels, or null to clear. The console's PATCH and SCIM's custom fields
 * extension read it alike; each answers a value of another shape with its own kind of error. Plain Java: no Spring.
 */
public final class CustomValueJson {

    private CustomValueJson() {
    }

    /**
     * @param name    the value's name in messages, e.g. {@code custom.level}
     * @param refusal the error for a value of another shape, given the message
     */
    public static Object plain(String name, JsonNode value, Function<String, ? extends RuntimeException> refusal) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    throw refusal.apply("'" + name + "' lists option labels as strings.");
                }
                items.add(item.textValue());
            }
            return items;
        }
        throw refusal.apply("'" + name + "' is a string, a number, a list of strings or null.");
    }
}
