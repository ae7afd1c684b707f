package com.memberdirectory.app.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code attributes} and {@code excludedAttributes} (RFC 7644 §3.4.2.5): which attributes of a User an answer
 * carries. {@code id} and {@code schemas} are always returned. Plain Java: no Spring.
 */
public final class ScimAttributes {

    private final List<AttributePath> included;
    private final List<AttributePath> excluded;

    private ScimAttributes(List<AttributePath> included, List<AttributePath> excluded) {
        this.included = included;
        this.excluded = excluded;
    }

    /** @throws ScimException invalidValue when both are given or one is not a list of attribute paths */
    public static ScimAttributes of(String attributes, String excludedAttributes) {
        if (attributes != null && !attributes.isBlank() && excludedAttributes != null && !excludedAttributes.isBlank()) {
            throw ScimException.invalidValue("Give attributes or excludedAttributes, not both.");
        }
        return new ScimAttributes(paths(attributes), paths(excludedAttributes));
    }

    private static List<AttributePath> paths(String list) {
        List<AttributePath> paths = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return paths;
        }
        for (String one : list.split(",")) {
            try {
                paths.add(AttributePath.parse(one.strip()));
            } catch (ScimException e) {
                throw ScimException.invalidValue(e.getMessage());
            }
        }
        return paths;
    }

    public ObjectNode apply(ObjectNode user) {
        if (!included.isEmpty()) {
            ObjectNode kept = user.objectNode();
            copy(user, kept, "schemas");
            copy(user, kept, "id");
            for (AttributePath path : included) {
                JsonNode from = path.container(user);
                if (from == null) {
                    continue;
                }
                ObjectNode to = path.inExtension() ? extension(kept, path.schema()) : kept;
                String name = nameIn(from, path.attribute());
                JsonNode value = from.get(name);
                if (value == null) {
                    continue;
                }
                if (path.subAttribute() == null || !value.isObject()) {
                    to.set(name, value.deepCopy());
                } else {
                    String sub = nameIn(value, path.subAttribute());
                    if (value.has(sub)) {
                        JsonNode target = to.get(name);
                        ObjectNode holder = target instanceof ObjectNode object ? object : to.putObject(name);
                        holder.set(sub, value.get(sub).deepCopy());
                    }
                }
            }
            return kept;
        }
        for (AttributePath path : excluded) {
            if (!(path.container(user) instanceof ObjectNode object)) {
                continue;
            }
            String name = nameIn(object, path.attribute());
            if (!path.inExtension() && (name.equals("id") || name.equals("schemas"))) {
                continue;
            }
            if (path.subAttribute() == null) {
                object.remove(name);
            } else if (object.get(name) instanceof ObjectNode inner) {
                inner.remove(nameIn(inner, path.subAttribute()));
            }
        }
        return user;
    }

    private static ObjectNode extension(ObjectNode user, String schema) {
        JsonNode existing = user.get(schema);
        return existing instanceof ObjectNode object ? object : user.putObject(schema);
    }

    private static void copy(ObjectNode from, ObjectNode to, String name) {
        if (from.has(name)) {
            to.set(name, from.get(name).deepCopy());
        }
    }

    private static String nameIn(JsonNode object, String name) {
        return object instanceof ObjectNode o ? AttributePath.nameIn(o, name) : name;
    }
}
