package com.memberdirectory.app.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.memberdirectory.kernel.field.FieldOption;
import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.field.FieldView;

import java.util.List;

/**
 * What {@code /ServiceProviderConfig}, {@code /ResourceTypes} and {@code /Schemas} say (RFC 7643 §5–7): only what
 * works — PATCH and ETags yes; bulk, sorting, password changes no; filters with at most
 * {@link #MAX_RESULTS} results per answer; the User resource with the enterprise extension and, of
 * their attributes, the ones the directory keeps (docs/scim.md, "Mapping"), and with the directory's custom fields
 * extension, one attribute per custom field defined; the Group resource (departments, whose members can change).
 * Plain Java: no Spring.
 */
public final class ScimDiscovery {

    /** The most Users one list answer holds ({@code filter.maxResults}). */
    public static final int MAX_RESULTS = 200;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScimDiscovery() {
    }

    public static ObjectNode serviceProviderConfig(String base) {
        ObjectNode config = NODES.objectNode();
        config.putArray("schemas").add(ScimSchemas.SERVICE_PROVIDER_CONFIG);
        config.put("documentationUri", "docs/scim.md");
        config.putObject("patch").put("supported", true);
        config.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        config.putObject("filter").put("supported", true).put("maxResults", MAX_RESULTS);
        config.putObject("changePassword").put("supported", false);
        config.putObject("sort").put("supported", false);
        config.putObject("etag").put("supported", true);
        config.putArray("authenticationSchemes").addObject()
                .put("type", "oauthbearertoken")
                .put("name", "OAuth Bearer Token")
                .put("description", "A JWT whose subject the primary administrator granted the PROVISIONING permission")
                .put("primary", true);
        config.set("meta", meta("ServiceProviderConfig", base + "/ServiceProviderConfig"));
        return config;
    }

    public static ObjectNode userResourceType(String base) {
        ObjectNode type = NODES.objectNode();
        type.putArray("schemas").add(ScimSchemas.RESOURCE_TYPE);
        type.put("id", "User");
        type.put("name", "User");
        type.put("endpoint", "/Users");
        type.put("description", "A member of the directory");
        type.put("schema", ScimSchemas.USER);
        ArrayNode extensions = type.putArray("schemaExtensions");
        ScimSchemas.USER_EXTENSIONS.forEach(extension -> extensions.addObject().put("schema", extension).put("required", false));
        type.set("meta", meta("ResourceType", base + "/ResourceTypes/User"));
        return type;
    }

    public static ObjectNode groupResourceType(String base) {
        ObjectNode type = NODES.objectNode();
        type.putArray("schemas").add(ScimSchemas.RESOURCE_TYPE);
        type.put("id", "Group");
        type.put("name", "Group");
        type.put("endpoint", "/Groups");
        type.put("description", "A department of the directory; its members can be changed, the department itself cannot");
        type.put("schema", ScimGroups.GROUP);
        type.set("meta", meta("ResourceType", base + "/ResourceTypes/Group"));
        return type;
    }

    public static List<ObjectNode> resourceTypes(String base) {
        return List.of(userResourceType(base), groupResourceType(base));
    }

    /** The schemas, the custom fields extension listing the custom fields defined now. */
    public static List<ObjectNode> schemas(String base, ScimCustomFields customFields) {
        return List.of(userSchema(base), enterpriseSchema(base), customSchema(base, customFields), groupSchema(base));
    }

    /**
     * One attribute per custom field, named by its key and described by its label: a number is a decimal, anything else
     * a string as the Member JSON shows it (a date as 2024-03-01, not an xsd:dateTime; a URL; an option by its label; a
     * member by its id); a multi-option field is multi-valued; the labels of an option field's options are its
     * canonical values.
     */
    private static ObjectNode customSchema(String base, ScimCustomFields customFields) {
        ObjectNode schema = schema(ScimSchemas.CUSTOM_USER, "CustomFields", "The directory's custom fields", base);
        ArrayNode attributes = schema.putArray("attributes");
        for (FieldView field : customFields.fields()) {
            String type = field.type() == FieldType.NUMBER ? "decimal" : "string";
            ObjectNode attribute = simple(field.key(), type, false, "readWrite", "none", field.label());
            attribute.put("multiValued", field.type() == FieldType.MULTI_OPTION);
            if (field.type().hasOptions() && !field.options().isEmpty()) {
                canonical(attribute, field.options().stream().map(FieldOption::label).toArray(String[]::new));
            }
            attributes.add(attribute);
        }
        return schema;
    }

    private static ObjectNode groupSchema(String base) {
        ObjectNode schema = schema(ScimGroups.GROUP, "Group", "A department", base);
        ArrayNode attributes = schema.putArray("attributes");
        ObjectNode name = simple("displayName", "string", true, "readOnly", "server", "The department's path, such as Sales/EMEA");
        attributes.add(name);
        ObjectNode members = complex("members", true, "The members placed directly in the department");
        members.withArray("subAttributes").add(simple("value", "string", false, "immutable", "none", "The member's id"));
        members.withArray("subAttributes").add(simple("display", "string", false, "readOnly", "none", "The member's name"));
        members.withArray("subAttributes").add(simple("type", "string", false, "readOnly", "none", "User"));
        attributes.add(members);
        return schema;
    }

    public static ObjectNode list(List<ObjectNode> resources) {
        ObjectNode list = NODES.objectNode();
        list.putArray("schemas").add(ScimSchemas.LIST_RESPONSE);
        list.put("totalResults", resources.size());
        list.put("startIndex", 1);
        list.put("itemsPerPage", resources.size());
        list.putArray("Resources").addAll(resources);
        return list;
    }

    private static ObjectNode userSchema(String base) {
        ObjectNode schema = schema(ScimSchemas.USER, "User", "A member of the directory", base);
        ArrayNode attributes = schema.putArray("attributes");
        attributes.add(caseExact(simple("externalId", "string", false, "readWrite", "none",
                "The client's identifier of the member, kept as the member's externalId field")));
        attributes.add(simple("userName", "string", true, "readWrite", "server",
                "The member's user ID: letters, digits, _ - . (at most 64)"));
        ObjectNode name = complex("name", false, "The member's names");
        name.withArray("subAttributes").add(simple("givenName", "string", false, "readWrite", "none", "First name"));
        name.withArray("subAttributes").add(simple("familyName", "string", false, "readWrite", "none", "Surname"));
        attributes.add(name);
        attributes.add(simple("displayName", "string", false, "readWrite", "none", "The member's name"));
        attributes.add(simple("title", "string", false, "readWrite", "none", "Job title: a label of the jobTitle field's options"));
        attributes.add(simple("active", "boolean", false, "readWrite", "none", "false: the member is suspended"));
        ObjectNode emails = complex("emails", true, "work: the work email; other: the business email");
        emails.withArray("subAttributes").add(simple("value", "string", false, "readWrite", "server", "The address"));
        emails.withArray("subAttributes").add(canonical(simple("type", "string", false, "readWrite", "none", "work or other"),
                "work", "other"));
        emails.withArray("subAttributes").add(simple("primary", "boolean", false, "readWrite", "none", "Ignored on input"));
        attributes.add(emails);
        ObjectNode phones = complex("phoneNumbers", true, "The member's phone (work or mobile), stored in E.164");
        phones.withArray("subAttributes").add(simple("value", "string", false, "readWrite", "server", "The number"));
        phones.withArray("subAttributes").add(canonical(simple("type", "string", false, "readWrite", "none", "work or mobile"),
                "work", "mobile"));
        phones.withArray("subAttributes").add(simple("primary", "boolean", false, "readWrite", "none", "Ignored on input"));
        attributes.add(phones);
        return schema;
    }

    private static ObjectNode enterpriseSchema(String base) {
        ObjectNode schema = schema(ScimSchemas.ENTERPRISE_USER, "EnterpriseUser", "Enterprise User", base);
        ArrayNode attributes = schema.putArray("attributes");
        attributes.add(simple("employeeNumber", "string", false, "readWrite", "server", "The member's employee ID"));
        attributes.add(simple("department", "string", false, "readWrite", "none",
                "The primary department, by path (Sales/EMEA) or by a name only one department has"));
        ObjectNode manager = complex("manager", false, "The member's direct manager");
        manager.withArray("subAttributes").add(simple("value", "string", false, "readWrite", "none", "The manager's id"));
        attributes.add(manager);
        return schema;
    }

    private static ObjectNode schema(String id, String name, String description, String base) {
        ObjectNode schema = NODES.objectNode();
        schema.putArray("schemas").add(ScimSchemas.SCHEMA);
        schema.put("id", id);
        schema.put("name", name);
        schema.put("description", description);
        schema.set("meta", meta("Schema", base + "/Schemas/" + id));
        return schema;
    }

    private static ObjectNode simple(String name, String type, boolean required, String mutability, String uniqueness,
                                     String description) {
        ObjectNode attribute = NODES.objectNode();
        attribute.put("name", name);
        attribute.put("type", type);
        attribute.put("multiValued", false);
        attribute.put("description", description);
        attribute.put("required", required);
        attribute.put("caseExact", false);
        attribute.put("mutability", mutability);
        attribute.put("returned", "default");
        attribute.put("uniqueness", uniqueness);
        return attribute;
    }

    private static ObjectNode caseExact(ObjectNode attribute) {
        attribute.put("caseExact", true);
        return attribute;
    }

    private static ObjectNode canonical(ObjectNode attribute, String... values) {
        ArrayNode list = attribute.putArray("canonicalValues");
        for (String value : values) {
            list.add(value);
        }
        return attribute;
    }

    private static ObjectNode complex(String name, boolean multiValued, String description) {
        ObjectNode attribute = NODES.objectNode();
        attribute.put("name", name);
        attribute.put("type", "complex");
        attribute.put("multiValued", multiValued);
        attribute.put("description", description);
        attribute.put("required", false);
        attribute.put("mutability", "readWrite");
        attribute.put("returned", "default");
        attribute.putArray("subAttributes");
        return attribute;
    }

    private static ObjectNode meta(String resourceType, String location) {
        return NODES.objectNode().put("resourceType", resourceType).put("location", location);
    }
}
