package com.memberdirectory.app.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memberdirectory.app.json.CustomValueJson;
import com.memberdirectory.kernel.field.FieldView;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The directory's custom fields as the User extension {@link ScimSchemas#CUSTOM_USER} (docs/scim.md, "Custom
 * fields"): one attribute per custom field, named by the field's key, holding the value as the Member JSON shows and
 * takes it — text, a number, a date as {@code 2024-03-01}, an option's label, a list of labels for a multi-option field.
 * Values are not checked here: they go to the member's own rules as the console's are. This class only knows which keys
 * exist (an attribute is named ignoring case, as every SCIM attribute) and turns JSON into the values a member change
 * takes. Plain Java: the field catalog is passed in.
 */
public final class ScimCustomFields {

    /** No custom field: every path into the extension is unknown. */
    public static final ScimCustomFields NONE = new ScimCustomFields(List.of());

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<FieldView> fields;

    private ScimCustomFields(List<FieldView> fields) {
        this.fields = fields;
    }

    /** The custom fields among the catalog's fields (the built-in ones are the core and enterprise attributes). */
    public static ScimCustomFields of(Collection<FieldView> catalog) {
        return new ScimCustomFields(catalog.stream().filter(field -> !field.builtIn()).toList());
    }

    /** The custom fields, in the catalog's order. */
    public List<FieldView> fields() {
        return fields;
    }

    /** The key of the custom field an attribute name names, ignoring case. */
    public Optional<String> key(String name) {
        return fields.stream().map(FieldView::key).filter(name::equalsIgnoreCase).findFirst();
    }

    /**
     * The key of the custom field a path into the extension names; a custom field is a simple attribute, so a
     * sub-attribute or a value filter finds nothing either.
     *
     * @param refusal the error for a path naming no custom field (invalidPath in a PATCH, invalidFilter in a filter)
     */
    public String requireKey(AttributePath path, boolean filtered, Function<String, ScimException> refusal) {
        if (path.subAttribute() != null || filtered) {
            throw refusal.apply("'" + path + "': a custom field is a simple attribute (no sub-attribute, no value filter).");
        }
        return key(path.attribute()).orElseThrow(() -> refusal.apply("There is no custom field '" + path.attribute()
                + "' (GET /Schemas/" + ScimSchemas.CUSTOM_USER + " lists them)."));
    }

    /** The filter, once every attribute it names in the custom extension is a custom field (invalidFilter otherwise). */
    public ScimFilter.Node checked(ScimFilter.Node filter) {
        for (AttributePath path : ScimFilter.paths(filter)) {
            if (ScimSchemas.CUSTOM_USER.equals(path.schema())) {
                requireKey(path, false, ScimException::invalidFilter);
            }
        }
        return filter;
    }

    /** The extension's object for a member's custom values (as the Member JSON shows them); null when it has none. */
    public static ObjectNode toScim(Map<String, Object> custom) {
        if (custom == null || custom.isEmpty()) {
            return null;
        }
        ObjectNode extension = NODES.objectNode();
        custom.forEach((key, value) -> {
            if (value instanceof Collection<?> list) {
                ArrayNode array = extension.putArray(key);
                list.forEach(item -> array.add(String.valueOf(item)));
            } else if (value instanceof BigDecimal number) {
                extension.put(key, number);
            } else if (value instanceof Number number) {
                extension.put(key, new BigDecimal(number.toString()));
            } else if (value != null) {
                extension.put(key, value.toString());
            }
        });
        return extension;
    }

    /**
     * The values a User's extension object gives, keyed by field key (a name no custom field has is kept as written,
     * for the member's rule to refuse); null when the User has no such object.
     */
    public Map<String, Object> read(JsonNode extension) {
        if (extension == null || extension.isNull()) {
            return null;
        }
        if (!extension.isObject()) {
            throw ScimException.invalidValue(ScimSchemas.CUSTOM_USER + " is an object of custom field values.");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = extension.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = key(entry.getKey()).orElse(entry.getKey());
            if (values.containsKey(key)) {
                throw ScimException.invalidValue("The custom field '" + key + "' is given twice.");
            }
            values.put(key, CustomValueJson.plain("custom." + key, entry.getValue(), ScimException::invalidValue));
        }
        return values;
    }

    /**
     * What a replacement sets: the values given, and every value the member has that the User leaves out cleared
     * (null); an empty map changes nothing.
     */
    static Map<String, Object> replacing(Map<String, Object> given, Map<String, Object> current) {
        Map<String, Object> changes = new LinkedHashMap<>(given);
        if (current != null) {
            current.keySet().forEach(key -> changes.putIfAbsent(key, null));
        }
        return changes;
    }
}
