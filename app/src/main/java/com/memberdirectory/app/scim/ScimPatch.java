package com.memberdirectory.app.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies a SCIM PatchOp (RFC 7644 §3.5.2) to a User's JSON: {@code add}, {@code replace} and {@code remove}, operation
 * names in any case (Entra ID writes {@code Replace}); with a path ({@code active}, {@code name.familyName},
 * {@code emails[type eq "work"].value}, {@code urn:…:enterprise:2.0:User:manager}, {@code urn:…:custom:2.0:User:costCenter})
 * or without one (the value is an object of attributes, whose names may themselves be paths, as Entra ID sends
 * {@code "name.givenName"}, and the objects of extensions). A path into the custom fields extension names a custom field
 * (invalidPath otherwise) and is written with the field's key.
 * Multi-valued attributes keep one value per {@code type}: adding a typed value replaces the one of that type, and an
 * {@code add}/{@code replace} through a filter of equalities that matches nothing adds the value the filter describes.
 * The result is then read like a replacement ({@link ScimUserMapping#read}), so every rule of the member applies.
 * Plain Java: no Spring.
 */
public final class ScimPatch {

    /** More operations than this in one request: 400 tooMany would be for lists; here the request is invalid. */
    public static final int MAX_OPERATIONS = 1000;

    private static final Set<String> READ_ONLY = Set.of("id", "meta", "schemas", "groups");

    private ScimPatch() {
    }

    /** A patch path: attribute path, optional value filter, optional sub-attribute after the filter. */
    record PatchPath(AttributePath attribute, ScimFilter.Node filter, String subAttribute) {

        static PatchPath parse(String path) {
            String text = path.strip();
            int open = text.indexOf('[');
            if (open < 0) {
                return new PatchPath(AttributePath.parse(text), null, null);
            }
            int close = text.lastIndexOf(']');
            if (close < open) {
                throw ScimException.invalidPath("'" + path + "' opens a filter it does not close.");
            }
            AttributePath attribute = AttributePath.parse(text.substring(0, open));
            if (attribute.subAttribute() != null) {
                throw ScimException.invalidPath("'" + path + "': a filter follows an attribute, not a sub-attribute.");
            }
            ScimFilter.Node filter;
            try {
                filter = ScimFilter.parse(text.substring(open + 1, close));
            } catch (ScimException e) {
                throw ScimException.invalidPath("'" + path + "': " + e.getMessage());
            }
            String rest = text.substring(close + 1);
            String sub = null;
            if (!rest.isEmpty()) {
                if (!rest.startsWith(".") || !rest.substring(1).matches("[A-Za-z$][A-Za-z0-9_$-]*")) {
                    throw ScimException.invalidPath("'" + path + "' has '" + rest + "' after its filter.");
                }
                sub = rest.substring(1);
            }
            return new PatchPath(attribute, filter, sub);
        }
    }

    /**
     * @param user         the User as it is now (changed in place)
     * @param body         the PatchOp request
     * @param customFields the custom fields defined now
     * @return the User after the operations
     */
    public static ObjectNode apply(ObjectNode user, JsonNode body, ScimCustomFields customFields) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("A PATCH body is a PatchOp object with Operations.");
        }
        JsonNode operations = AttributePath.field(body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.invalidSyntax("A PatchOp has a non-empty list of Operations.");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw ScimException.invalidValue("A PatchOp has at most " + MAX_OPERATIONS + " operations.");
        }
        for (JsonNode operation : operations) {
            if (!operation.isObject()) {
                throw ScimException.invalidSyntax("Each operation is an object with op, path and value.");
            }
            JsonNode opNode = AttributePath.field(operation, "op");
            String op = opNode != null && opNode.isTextual() ? opNode.textValue().toLowerCase(Locale.ROOT) : "";
            JsonNode pathNode = AttributePath.field(operation, "path");
            if (pathNode != null && !pathNode.isNull() && !pathNode.isTextual()) {
                throw ScimException.invalidPath("path is a string.");
            }
            String path = pathNode == null || pathNode.isNull() || pathNode.textValue().isBlank() ? null : pathNode.textValue();
            JsonNode value = AttributePath.field(operation, "value");
            switch (op) {
                case "add", "replace" -> {
                    if (value == null) {
                        throw ScimException.invalidValue("The " + op + " operation needs a value.");
                    }
                    if (path == null) {
                        if (!value.isObject()) {
                            throw ScimException.invalidValue("Without a path, the value is an object of attributes.");
                        }
                        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                            Map.Entry<String, JsonNode> attribute = it.next();
                            String extension = ScimSchemas.USER_EXTENSIONS.stream()
                                    .filter(attribute.getKey()::equalsIgnoreCase).findFirst().orElse(null);
                            if (extension != null && attribute.getValue().isObject()) {
                                for (Iterator<Map.Entry<String, JsonNode>> ext = attribute.getValue().fields(); ext.hasNext(); ) {
                                    Map.Entry<String, JsonNode> one = ext.next();
                                    set(user, PatchPath.parse(extension + ":" + one.getKey()), one.getValue(), op.equals("add"),
                                            customFields);
                                }
                            } else if (!attribute.getKey().equalsIgnoreCase("schemas")) {
                                set(user, PatchPath.parse(attribute.getKey()), attribute.getValue(), op.equals("add"),
                                        customFields);
                            }
                        }
                    } else {
                        set(user, PatchPath.parse(path), value, op.equals("add"), customFields);
                    }
                }
                case "remove" -> {
                    if (path == null) {
                        throw ScimException.noTarget("A remove operation names the attribute to remove (path).");
                    }
                    remove(user, PatchPath.parse(path), customFields);
                }
                default -> throw ScimException.invalidSyntax("op is add, replace or remove, not '"
                        + (opNode == null ? "" : opNode.asText()) + "'.");
            }
        }
        return user;
    }

    private static void requireWritable(PatchPath path) {
        if (!path.attribute().inExtension() && READ_ONLY.contains(AttributePath.lower(path.attribute().attribute()))) {
            throw ScimException.mutability("'" + path.attribute().attribute() + "' is read-only.");
        }
    }

    private static ObjectNode container(ObjectNode user, PatchPath path, boolean create) {
        if (!path.attribute().inExtension()) {
            return user;
        }
        String schema = path.attribute().schema();
        JsonNode extension = user.get(AttributePath.nameIn(user, schema));
        if (extension instanceof ObjectNode object) {
            return object;
        }
        return create ? user.putObject(schema) : null;
    }

    /** For a path into the custom fields extension, the field's key (invalidPath when no custom field has it); else null. */
    private static String customKey(PatchPath path, ScimCustomFields customFields) {
        return ScimSchemas.CUSTOM_USER.equals(path.attribute().schema())
                ? customFields.requireKey(path.attribute(), path.filter() != null, ScimException::invalidPath) : null;
    }

    private static void set(ObjectNode user, PatchPath path, JsonNode value, boolean add, ScimCustomFields customFields) {
        requireWritable(path);
        String key = customKey(path, customFields);
        ObjectNode container = container(user, path, true);
        String name = key != null ? key : AttributePath.nameIn(container, path.attribute().attribute());
        JsonNode existing = container.get(name);
        String sub = path.filter() == null ? path.attribute().subAttribute() : path.subAttribute();
        if (path.filter() == null) {
            if (sub == null) {
                if (add && existing instanceof ArrayNode list) {
                    addTo(list, value);
                } else if (add && existing instanceof ObjectNode object && value.isObject()) {
                    object.setAll((ObjectNode) value.deepCopy());
                } else {
                    container.set(name, value.deepCopy());
                }
                return;
            }
            if (existing instanceof ArrayNode list) {
                list.forEach(element -> {
                    if (element instanceof ObjectNode object) {
                        object.set(AttributePath.nameIn(object, sub), value.deepCopy());
                    }
                });
            } else if (existing instanceof ObjectNode object) {
                object.set(AttributePath.nameIn(object, sub), value.deepCopy());
            } else {
                container.putObject(name).set(sub, value.deepCopy());
            }
            return;
        }
        ArrayNode list = existing instanceof ArrayNode array ? array : container.putArray(name);
        List<ObjectNode> matching = new ArrayList<>();
        list.forEach(element -> {
            if (element instanceof ObjectNode object && path.filter().matches(object)) {
                matching.add(object);
            }
        });
        if (matching.isEmpty()) {
            ObjectNode created = list.objectNode();
            if (!describe(path.filter(), created)) {
                throw ScimException.noTarget("No value of " + path.attribute().attribute() + " matches the filter.");
            }
            list.add(created);
            matching.add(created);
        }
        for (ObjectNode element : matching) {
            if (sub != null) {
                element.set(AttributePath.nameIn(element, sub), value.deepCopy());
            } else if (value.isObject()) {
                if (!add) {
                    element.removeAll();
                    describe(path.filter(), element);
                }
                element.setAll((ObjectNode) value.deepCopy());
            } else {
                throw ScimException.invalidValue("A value for " + path.attribute().attribute() + "[…] is an object.");
            }
        }
    }

    /** Adds values to a multi-valued attribute, each replacing the value of the same type. */
    private static void addTo(ArrayNode list, JsonNode value) {
        List<JsonNode> added = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(added::add);
        } else {
            added.add(value);
        }
        for (JsonNode one : added) {
            JsonNode type = AttributePath.field(one, "type");
            if (type != null && type.isTextual()) {
                for (int i = list.size() - 1; i >= 0; i--) {
                    JsonNode other = AttributePath.field(list.get(i), "type");
                    if (other != null && other.isTextual() && other.textValue().equalsIgnoreCase(type.textValue())) {
                        list.remove(i);
                    }
                }
            }
            list.add(one.deepCopy());
        }
    }

    /**
     * Writes what a filter of equalities on {@code type} and {@code primary} ({@code type eq "work"}, joined by and) says
     * into a new value; false for any other filter (a value that matches no {@code value eq …} is not created).
     */
    private static boolean describe(ScimFilter.Node filter, ObjectNode into) {
        if (filter instanceof ScimFilter.And and) {
            return describe(and.left(), into) && describe(and.right(), into);
        }
        if (filter instanceof ScimFilter.Compare compare && compare.operator().equals("eq")
                && compare.path().subAttribute() == null && !compare.value().isNull()
                && Set.of("type", "primary").contains(AttributePath.lower(compare.path().attribute()))) {
            into.set(compare.path().attribute(), compare.value());
            return true;
        }
        return false;
    }

    private static void remove(ObjectNode user, PatchPath path, ScimCustomFields customFields) {
        requireWritable(path);
        String key = customKey(path, customFields);
        ObjectNode container = container(user, path, false);
        if (container == null) {
            return;
        }
        String name = key != null ? key : AttributePath.nameIn(container, path.attribute().attribute());
        JsonNode existing = container.get(name);
        if (existing == null) {
            return;
        }
        String sub = path.filter() == null ? path.attribute().subAttribute() : path.subAttribute();
        if (path.filter() == null) {
            if (sub == null) {
                container.remove(name);
            } else if (existing instanceof ObjectNode object) {
                object.remove(AttributePath.nameIn(object, sub));
            } else if (existing instanceof ArrayNode list) {
                list.forEach(element -> {
                    if (element instanceof ObjectNode object) {
                        object.remove(AttributePath.nameIn(object, sub));
                    }
                });
            }
            return;
        }
        if (!(existing instanceof ArrayNode list)) {
            return;
        }
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i) instanceof ObjectNode element && path.filter().matches(element)) {
                if (sub == null) {
                    list.remove(i);
                } else {
                    element.remove(AttributePath.nameIn(element, sub));
                }
            }
        }
    }
}
