package com.memberdirectory.app.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.department.DepartmentView;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberField;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberView;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SCIM User (core schema, enterprise extension and the directory's custom fields extension) of a member, and the
 * member fields a SCIM User sets (docs/scim.md, "Mapping"). Plain Java: the department tree is passed in.
 */
public final class ScimUserMapping {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The directory's departments, to name a member's primary department and to find one by its name. */
    public static final class Departments {

        private final Map<String, DepartmentView> byId;

        public Departments(Collection<DepartmentView> departments) {
            this.byId = new java.util.LinkedHashMap<>();
            departments.forEach(department -> byId.put(department.id(), department));
        }

        String pathOf(String id) {
            DepartmentView department = byId.get(id);
            return department == null ? null : department.path();
        }

        /**
         * The department a SCIM {@code department} names: its path ({@code Sales/EMEA}), or its name when exactly one
         * department has it; both ignoring case.
         */
        Optional<String> find(String text) {
            String wanted = text.strip();
            List<DepartmentView> byPath = byId.values().stream().filter(d -> d.path().equalsIgnoreCase(wanted)).toList();
            if (byPath.size() == 1) {
                return Optional.of(byPath.get(0).id());
            }
            List<DepartmentView> byName = byId.values().stream().filter(d -> d.name().equalsIgnoreCase(wanted)).toList();
            return byName.size() == 1 ? Optional.of(byName.get(0).id()) : Optional.empty();
        }
    }

    /**
     * What a SCIM User says about the fields the directory maps; null: absent (or null) in the User.
     *
     * @param department the enterprise extension's {@code department}, as written
     * @param active     null: not given
     * @param custom     the custom fields extension's values by field key ({@link ScimCustomFields#read}); null: the User
     *                   has no such extension object
     */
    public record ScimUser(String userName, String displayName, String givenName, String familyName, String workEmail,
                           String businessEmail, String phone, String title, String employeeNumber, String department,
                           String managerId, Boolean active, String externalId, Map<String, Object> custom) {
    }

    private ScimUserMapping() {
    }

    /** The member as a SCIM User; {@code location} is the User's URL. */
    public static ObjectNode toScim(MemberView member, Departments departments, String location) {
        ObjectNode user = NODES.objectNode();
        ArrayNode schemas = user.putArray("schemas");
        schemas.add(ScimSchemas.USER);
        schemas.add(ScimSchemas.ENTERPRISE_USER);
        user.put("id", member.id());
        putIfSet(user, "externalId", member.externalId());
        user.put("userName", member.userId());
        if (member.firstName() != null || member.surname() != null) {
            ObjectNode name = user.putObject("name");
            putIfSet(name, "givenName", member.firstName());
            putIfSet(name, "familyName", member.surname());
        }
        putIfSet(user, "displayName", member.name());
        putIfSet(user, "title", member.jobTitle());
        user.put("active", member.status() != MemberStatus.SUSPENDED && member.status() != MemberStatus.OFFBOARDED);
        if (member.workEmail() != null || member.businessEmail() != null) {
            ArrayNode emails = user.putArray("emails");
            if (member.workEmail() != null) {
                emails.addObject().put("value", member.workEmail()).put("type", "work").put("primary", true);
            }
            if (member.businessEmail() != null) {
                emails.addObject().put("value", member.businessEmail()).put("type", "other")
                        .put("primary", member.workEmail() == null);
            }
        }
        if (member.phone() != null) {
            user.putArray("phoneNumbers").addObject().put("value", member.phone()).put("type", "work").put("primary", true);
        }
        ObjectNode enterprise = user.putObject(ScimSchemas.ENTERPRISE_USER);
        putIfSet(enterprise, "employeeNumber", member.employeeId());
        if (member.departmentIds() != null && !member.departmentIds().isEmpty()) {
            putIfSet(enterprise, "department", departments.pathOf(member.departmentIds().get(0)));
        }
        if (member.managerId() != null) {
            enterprise.putObject("manager").put("value", member.managerId());
        }
        ObjectNode custom = ScimCustomFields.toScim(member.custom());
        if (custom != null) {
            schemas.add(ScimSchemas.CUSTOM_USER);
            user.set(ScimSchemas.CUSTOM_USER, custom);
        }
        ObjectNode meta = user.putObject("meta");
        meta.put("resourceType", "User");
        meta.put("location", location);
        meta.put("version", etag(member.version()));
        if (member.createdAt() != null) {
            meta.put("created", member.createdAt().toString());
        }
        if (member.updatedAt() != null) {
            meta.put("lastModified", member.updatedAt().toString());
        }
        return user;
    }

    public static String etag(long version) {
        return "W/\"" + version + "\"";
    }

    /** Reads the mapped attributes of a SCIM User (a POST or PUT body, or the result of a PATCH). */
    public static ScimUser read(JsonNode user, ScimCustomFields customFields) {
        if (user == null || !user.isObject()) {
            throw ScimException.invalidSyntax("A User is a JSON object.");
        }
        JsonNode name = AttributePath.field(user, "name");
        JsonNode enterprise = AttributePath.field(user, ScimSchemas.ENTERPRISE_USER);
        String workEmail = null;
        String businessEmail = null;
        String untypedEmail = null;
        for (JsonNode email : elements(AttributePath.field(user, "emails"), "emails")) {
            String value = text(email, "value", "emails.value");
            String type = text(email, "type", "emails.type");
            if (value == null) {
                continue;
            }
            String kind = type == null ? "" : type.toLowerCase(Locale.ROOT);
            if (kind.equals("work") && workEmail == null) {
                workEmail = value;
            } else if ((kind.equals("other") || kind.equals("business")) && businessEmail == null) {
                businessEmail = value;
            } else if (kind.isEmpty() && untypedEmail == null) {
                untypedEmail = value;
            }
        }
        if (workEmail == null) {
            workEmail = untypedEmail;
        }
        String phone = null;
        for (JsonNode number : elements(AttributePath.field(user, "phoneNumbers"), "phoneNumbers")) {
            String value = text(number, "value", "phoneNumbers.value");
            String type = text(number, "type", "phoneNumbers.type");
            String kind = type == null ? "" : type.toLowerCase(Locale.ROOT);
            // The last one wins: the directory keeps one phone, answered as the work number, so a PATCH that adds a
            // mobile number (phoneNumbers[type eq "mobile"].value) appends it after the one answered and means it.
            if (value != null && (kind.isEmpty() || kind.equals("work") || kind.equals("mobile"))) {
                phone = value;
            }
        }
        String manager = null;
        JsonNode managerNode = AttributePath.field(enterprise, "manager");
        if (managerNode != null && managerNode.isObject()) {
            manager = text(managerNode, "value", "manager.value");
        } else if (managerNode != null && managerNode.isTextual()) {
            manager = blankToNull(managerNode.textValue()); // Entra ID sends the manager's id as a plain string
        } else if (managerNode != null && !managerNode.isNull()) {
            throw ScimException.invalidValue("manager is an object with the manager's id as value.");
        }
        return new ScimUser(text(user, "userName", "userName"), text(user, "displayName", "displayName"),
                text(name, "givenName", "name.givenName"), text(name, "familyName", "name.familyName"),
                workEmail, businessEmail, phone, text(user, "title", "title"),
                text(enterprise, "employeeNumber", "employeeNumber"), text(enterprise, "department", "department"),
                manager, bool(AttributePath.field(user, "active")), text(user, "externalId", "externalId"),
                customFields.read(AttributePath.field(user, ScimSchemas.CUSTOM_USER)));
    }

    /** The member's name: displayName, else the given and family names, else the user name. */
    static String displayName(ScimUser user) {
        if (user.displayName() != null) {
            return user.displayName();
        }
        String joined = String.join(" ", java.util.stream.Stream.of(user.givenName(), user.familyName())
                .filter(java.util.Objects::nonNull).toList());
        return joined.isBlank() ? user.userName() : joined;
    }

    /** The fields of a new member. */
    public static MemberChanges toCreate(ScimUser user, Departments departments, List<String> defaultDepartments) {
        requireUserName(user);
        MemberChanges.Builder changes = MemberChanges.builder().set(MemberFields.USER_ID, user.userName())
                .set(MemberFields.NAME, displayName(user));
        setIfPresent(changes, MemberFields.FIRST_NAME, user.givenName());
        setIfPresent(changes, MemberFields.SURNAME, user.familyName());
        setIfPresent(changes, MemberFields.WORK_EMAIL, user.workEmail());
        setIfPresent(changes, MemberFields.BUSINESS_EMAIL, user.businessEmail());
        setIfPresent(changes, MemberFields.PHONE, user.phone());
        setIfPresent(changes, MemberFields.JOB_TITLE, user.title());
        setIfPresent(changes, MemberFields.EMPLOYEE_ID, user.employeeNumber());
        setIfPresent(changes, MemberFields.EXTERNAL_ID, user.externalId());
        if (user.managerId() != null) {
            changes.set(MemberFields.MANAGER, new MemberId(user.managerId()));
        }
        if (user.custom() != null && !user.custom().isEmpty()) {
            changes.custom(user.custom());
        }
        List<String> placed = user.department() == null ? defaultDepartments : List.of(department(user, departments));
        if (!placed.isEmpty()) {
            changes.set(MemberFields.DEPARTMENTS, placed.stream().map(DepartmentId::new).toList());
        }
        return changes.build();
    }

    /**
     * The fields a replacement sets: every mapped field takes the User's value, and one the User leaves out is cleared
     * — except the departments: a User without {@code department} keeps the member's; a User with one makes it the
     * primary department and keeps the member's other departments; and the custom values: a User without the custom
     * fields extension keeps the member's (a provider that does not know the extension must not wipe them), a User
     * with it gives every custom field its value, clearing those it leaves out.
     */
    public static MemberChanges toReplace(ScimUser user, MemberView current, Departments departments) {
        requireUserName(user);
        MemberChanges.Builder changes = MemberChanges.builder()
                .set(MemberFields.USER_ID, user.userName())
                .set(MemberFields.NAME, displayName(user))
                .set(MemberFields.FIRST_NAME, user.givenName())
                .set(MemberFields.SURNAME, user.familyName())
                .set(MemberFields.WORK_EMAIL, user.workEmail())
                .set(MemberFields.BUSINESS_EMAIL, user.businessEmail())
                .set(MemberFields.PHONE, user.phone())
                .set(MemberFields.JOB_TITLE, user.title())
                .set(MemberFields.EMPLOYEE_ID, user.employeeNumber())
                .set(MemberFields.EXTERNAL_ID, user.externalId())
                .set(MemberFields.MANAGER, user.managerId() == null ? null : new MemberId(user.managerId()));
        if (user.custom() != null) {
            Map<String, Object> custom = ScimCustomFields.replacing(user.custom(), current.custom());
            if (!custom.isEmpty()) {
                changes.custom(custom);
            }
        }
        if (user.department() != null) {
            String primary = department(user, departments);
            List<String> now = current.departmentIds() == null ? List.of() : current.departmentIds();
            if (now.isEmpty() || !now.get(0).equals(primary)) {
                List<String> placed = new ArrayList<>();
                placed.add(primary);
                now.stream().filter(id -> !id.equals(primary)).forEach(placed::add);
                changes.set(MemberFields.DEPARTMENTS, placed.stream().map(DepartmentId::new).toList());
            }
        }
        return changes.build();
    }

    private static String department(ScimUser user, Departments departments) {
        return departments.find(user.department()).orElseThrow(() -> ScimException.invalidValue("There is no department '"
                + user.department() + "' (a department is named by its path, such as Sales/EMEA, or by a name only one "
                + "department has)."));
    }

    private static void requireUserName(ScimUser user) {
        if (user.userName() == null) {
            throw ScimException.invalidValue("userName is required.");
        }
    }

    private static void setIfPresent(MemberChanges.Builder changes, MemberField<String, ?> field, String value) {
        if (value != null) {
            changes.set(field, value);
        }
    }

    private static void putIfSet(ObjectNode object, String name, String value) {
        if (value != null) {
            object.put(name, value);
        }
    }

    private static List<JsonNode> elements(JsonNode value, String attribute) {
        List<JsonNode> all = new ArrayList<>();
        if (value == null || value.isNull()) {
            return all;
        }
        if (!value.isArray()) {
            throw ScimException.invalidValue(attribute + " is a list.");
        }
        for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
            JsonNode element = it.next();
            if (!element.isObject()) {
                throw ScimException.invalidValue("Each of " + attribute + " is an object with a value and a type.");
            }
            all.add(element);
        }
        return all;
    }

    private static String text(JsonNode object, String name, String attribute) {
        JsonNode value = AttributePath.field(object, name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ScimException.invalidValue(attribute + " is a string.");
        }
        return blankToNull(value.textValue());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** A boolean, also as providers send it: {@code "True"}, {@code "false"}. */
    static Boolean bool(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.textValue().equalsIgnoreCase("true") || value.textValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.textValue().toLowerCase(Locale.ROOT));
        }
        throw ScimException.invalidValue("active is true or false.");
    }
}
