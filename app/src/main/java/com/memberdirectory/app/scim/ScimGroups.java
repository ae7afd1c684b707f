package com.memberdirectory.app.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memberdirectory.kernel.department.DepartmentView;
import com.memberdirectory.kernel.member.MemberView;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Departments as SCIM Groups (docs/scim.md, "Groups"): {@code displayName} is the department's path, {@code members} the
 * members placed directly in it. A PATCH of {@code members} becomes, for each member named, a change of that member's
 * departments. Plain Java: no Spring.
 */
public final class ScimGroups {

    public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScimGroups() {
    }

    /** The department as a Group; {@code members} null leaves the attribute out. */
    public static ObjectNode toScim(DepartmentView department, List<MemberView> members, String location,
                                    Function<String, String> userLocation) {
        ObjectNode group = NODES.objectNode();
        group.putArray("schemas").add(GROUP);
        group.put("id", department.id());
        group.put("displayName", department.path());
        if (members != null) {
            ArrayNode list = group.putArray("members");
            for (MemberView member : members) {
                list.addObject().put("value", member.id()).put("display", member.name()).put("type", "User")
                        .put("$ref", userLocation.apply(member.id()));
            }
        }
        group.putObject("meta").put("resourceType", "Group").put("location", location);
        return group;
    }

    /**
     * What a PatchOp asks of a Group's members.
     *
     * @param replace  the members the group is to have instead (null: not replaced)
     * @param added    members to place in the department
     * @param removed  members to take out of it
     * @param clearAll {@code remove members}: everyone out
     */
    public record MemberChanges(Set<String> replace, Set<String> added, Set<String> removed, boolean clearAll) {
    }

    /** @throws ScimException for anything but {@code add}/{@code replace}/{@code remove} of {@code members} */
    public static MemberChanges read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("A PATCH body is a PatchOp object with Operations.");
        }
        JsonNode operations = AttributePath.field(body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.invalidSyntax("A PatchOp has a non-empty list of Operations.");
        }
        if (operations.size() > ScimPatch.MAX_OPERATIONS) {
            throw ScimException.invalidValue("A PatchOp has at most " + ScimPatch.MAX_OPERATIONS + " operations.");
        }
        Set<String> replace = null;
        Set<String> added = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>();
        boolean clearAll = false;
        for (JsonNode operation : operations) {
            JsonNode opNode = AttributePath.field(operation, "op");
            String op = opNode != null && opNode.isTextual() ? opNode.textValue().toLowerCase(Locale.ROOT) : "";
            JsonNode pathNode = AttributePath.field(operation, "path");
            String path = pathNode != null && pathNode.isTextual() && !pathNode.textValue().isBlank()
                    ? pathNode.textValue().strip() : null;
            JsonNode value = AttributePath.field(operation, "value");
            if (!op.equals("add") && !op.equals("replace") && !op.equals("remove")) {
                throw ScimException.invalidSyntax("op is add, replace or remove.");
            }
            if (path == null && value != null && value.isObject() && !op.equals("remove")) {
                // {"op":"add","value":{"members":[...]}}: the same as path "members"
                for (var it = value.fields(); it.hasNext(); ) {
                    var attribute = it.next();
                    if (!attribute.getKey().equalsIgnoreCase("members")) {
                        throw ScimException.mutability("Only members of a Group can change here; '" + attribute.getKey()
                                + "' is the department's own (change it in the console).");
                    }
                    value = attribute.getValue();
                }
                path = "members";
            }
            if (path == null) {
                throw ScimException.noTarget("The operation names members (path).");
            }
            PathAndMember target = target(path);
            switch (op) {
                case "add" -> added.addAll(ids(value));
                case "replace" -> {
                    if (target.member() != null) {
                        throw ScimException.invalidPath("Replace the members, not one of them.");
                    }
                    replace = new LinkedHashSet<>(ids(value));
                    added.clear();
                    removed.clear();
                    clearAll = false;
                }
                default -> {
                    if (target.member() != null) {
                        removed.add(target.member());
                    } else if (value != null && !value.isNull()) {
                        removed.addAll(ids(value));
                    } else {
                        clearAll = true;
                    }
                }
            }
        }
        return new MemberChanges(replace, added, removed, clearAll);
    }

    private record PathAndMember(String member) {
    }

    /** {@code members}, or {@code members[value eq "id"]} (one member). */
    private static PathAndMember target(String path) {
        ScimPatchPath parsed = ScimPatchPath.of(path);
        if (!parsed.attribute().equalsIgnoreCase("members") || parsed.subAttribute() != null) {
            throw parsed.attribute().equalsIgnoreCase("displayName") || parsed.attribute().equalsIgnoreCase("id")
                    ? ScimException.mutability("Only members of a Group can change here.")
                    : ScimException.invalidPath("'" + path + "' is not members of a Group.");
        }
        if (parsed.filter() == null) {
            return new PathAndMember(null);
        }
        if (parsed.filter() instanceof ScimFilter.Compare compare && compare.operator().equals("eq")
                && compare.path().attribute().equalsIgnoreCase("value") && compare.value().isTextual()) {
            return new PathAndMember(compare.value().textValue());
        }
        throw ScimException.invalidPath("A member is named as members[value eq \"<id>\"].");
    }

    private static List<String> ids(JsonNode value) {
        List<String> ids = new ArrayList<>();
        if (value == null || value.isNull()) {
            return ids;
        }
        List<JsonNode> all = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(all::add);
        } else {
            all.add(value);
        }
        for (JsonNode one : all) {
            JsonNode id = one.isObject() ? AttributePath.field(one, "value") : one;
            if (id == null || !id.isTextual() || id.textValue().isBlank()) {
                throw ScimException.invalidValue("Each member is an object with the User's id as value.");
            }
            ids.add(id.textValue());
        }
        return ids;
    }

    /** A Group PATCH path: an attribute of the Group schema with an optional filter and sub-attribute. */
    record ScimPatchPath(String attribute, ScimFilter.Node filter, String subAttribute) {

        static ScimPatchPath of(String path) {
            String text = path;
            if (text.regionMatches(true, 0, GROUP + ":", 0, GROUP.length() + 1)) {
                text = text.substring(GROUP.length() + 1);
            }
            int open = text.indexOf('[');
            String attribute = open < 0 ? text : text.substring(0, open);
            ScimFilter.Node filter = null;
            String sub = null;
            if (open >= 0) {
                int close = text.lastIndexOf(']');
                if (close < open) {
                    throw ScimException.invalidPath("'" + path + "' opens a filter it does not close.");
                }
                try {
                    filter = ScimFilter.parse(text.substring(open + 1, close));
                } catch (ScimException e) {
                    throw ScimException.invalidPath("'" + path + "': " + e.getMessage());
                }
                String rest = text.substring(close + 1);
                sub = rest.isEmpty() ? null : rest.substring(rest.startsWith(".") ? 1 : 0);
            } else if (attribute.contains(".")) {
                sub = attribute.substring(attribute.indexOf('.') + 1);
                attribute = attribute.substring(0, attribute.indexOf('.'));
            }
            return new ScimPatchPath(attribute, filter, sub);
        }
    }
}
