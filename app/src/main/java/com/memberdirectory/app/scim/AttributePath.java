package com.memberdirectory.app.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An attribute path of a filter or a PATCH (RFC 7644 §3.10): an optional schema URN, an attribute and an optional
 * sub-attribute, e.g. {@code name.familyName}, {@code emails.value},
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value},
 * {@code urn:memberdirectory:params:scim:schemas:extension:custom:2.0:User:costCenter}. Names are case-insensitive.
 *
 * @param schema       the schema URN the attribute belongs to (the core User schema when none was written)
 * @param attribute    the attribute's name as written
 * @param subAttribute the sub-attribute's name, or null
 */
public record AttributePath(String schema, String attribute, String subAttribute) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z$][A-Za-z0-9_$-]*");

    /** @throws ScimException invalidPath (or invalidFilter, as the caller wraps it) for anything but a path */
    public static AttributePath parse(String text) {
        String schema = ScimSchemas.USER;
        String rest = text;
        if (text.regionMatches(true, 0, "urn:", 0, 4)) {
            int colon = text.lastIndexOf(':');
            schema = text.substring(0, colon);
            rest = text.substring(colon + 1);
        }
        String attribute = rest;
        String sub = null;
        int dot = rest.indexOf('.');
        if (dot >= 0) {
            attribute = rest.substring(0, dot);
            sub = rest.substring(dot + 1);
        }
        if (!NAME.matcher(attribute).matches() || (sub != null && !NAME.matcher(sub).matches())) {
            throw ScimException.invalidPath("'" + text + "' is not an attribute path.");
        }
        String written = schema;
        return new AttributePath(userSchema(written).orElseThrow(() -> ScimException.invalidPath("'" + written
                + "' is not a schema of the User resource.")), attribute, sub);
    }

    /** The User resource's schema (core or an extension) this URN names, ignoring case, as the service spells it. */
    private static Optional<String> userSchema(String urn) {
        return Stream.concat(Stream.of(ScimSchemas.USER), ScimSchemas.USER_EXTENSIONS.stream())
                .filter(urn::equalsIgnoreCase).findFirst();
    }

    /** Whether the attribute belongs to an extension schema (an object of its own in the User), not the core schema. */
    public boolean inExtension() {
        return !ScimSchemas.USER.equals(schema);
    }

    /** Whether this is one of the User's times, {@code meta.created} or {@code meta.lastModified} (xsd:dateTime). */
    public boolean dateTime() {
        return !inExtension() && attribute.equalsIgnoreCase("meta") && subAttribute != null
                && (subAttribute.equalsIgnoreCase("created") || subAttribute.equalsIgnoreCase("lastModified"));
    }

    /** Whether values of this attribute compare case-exactly (RFC 7643: {@code id}, {@code externalId}, {@code meta.version}). */
    public boolean caseExact() {
        return !inExtension() && (attribute.equalsIgnoreCase("id") || attribute.equalsIgnoreCase("externalId")
                || (attribute.equalsIgnoreCase("meta") && "version".equalsIgnoreCase(subAttribute)));
    }

    /** The object holding the attribute: the resource, or its extension's object (null when it has none). */
    public JsonNode container(JsonNode resource) {
        return inExtension() ? field(resource, schema) : resource;
    }

    /**
     * The attribute's simple values in the resource, multi-valued ones flattened; a complex value without a
     * sub-attribute stands for its {@code value} (RFC 7644 §3.4.2.2). Absent and null values are left out.
     */
    public List<JsonNode> values(JsonNode resource) {
        List<JsonNode> found = new ArrayList<>();
        JsonNode value = field(container(resource), attribute);
        for (JsonNode one : flatten(value)) {
            JsonNode leaf = subAttribute == null ? one : field(one, subAttribute);
            for (JsonNode simple : flatten(leaf)) {
                JsonNode end = simple.isObject() && subAttribute == null ? field(simple, "value") : simple;
                if (end != null && !end.isNull() && !end.isMissingNode() && !end.isContainerNode()) {
                    found.add(end);
                }
            }
        }
        return found;
    }

    @Override
    public String toString() {
        String path = subAttribute == null ? attribute : attribute + "." + subAttribute;
        return inExtension() ? schema + ":" + path : path;
    }

    private static List<JsonNode> flatten(JsonNode value) {
        List<JsonNode> all = new ArrayList<>();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return all;
        }
        if (value.isArray()) {
            value.forEach(all::add);
        } else {
            all.add(value);
        }
        return all;
    }

    /** A property of an object, its name matched ignoring case; null when absent or not an object. */
    public static JsonNode field(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The property's name as the object spells it, or {@code name} when it has none. */
    public static String nameIn(ObjectNode object, String name) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.equalsIgnoreCase(name)) {
                return key;
            }
        }
        return name;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
