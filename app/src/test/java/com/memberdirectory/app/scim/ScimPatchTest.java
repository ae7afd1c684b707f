package com.memberdirectory.app.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScimPatchTest {

    private static ObjectNode user() {
        return (ObjectNode) ScimFilterTest.json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"m-1","userName":"ann.lee",
                 "displayName":"Ann Lee","active":true,"name":{"givenName":"Ann","familyName":"Lee"},
                 "emails":[{"value":"ann@example.com","type":"work","primary":true}]}""");
    }

    private static ObjectNode patch(ObjectNode user, String operations) {
        return ScimPatch.apply(user, ScimFilterTest.json("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":" + operations + "}"), ScimCustomFields.NONE);
    }

    @Test
    void entra_id_and_okta_deactivations() {
        assertThat(ScimUserMapping.read(patch(user(), "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]"), ScimCustomFields.NONE).active())
                .isFalse();
        assertThat(ScimUserMapping.read(patch(user(), "[{\"op\":\"replace\",\"value\":{\"active\":false}}]"), ScimCustomFields.NONE).active()).isFalse();
        assertThat(ScimUserMapping.read(patch(user(), "[{\"op\":\"Replace\",\"value\":{\"active\":\"True\"}}]"), ScimCustomFields.NONE).active()).isTrue();
    }

    @Test
    void a_filtered_path_changes_the_matching_value_or_adds_the_value_it_describes() {
        ObjectNode changed = patch(user(), "[{\"op\":\"Add\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"x@y.example\"}]");
        assertThat(ScimUserMapping.read(changed, ScimCustomFields.NONE).workEmail()).isEqualTo("x@y.example");
        assertThat(changed.get("emails")).hasSize(1);
        ObjectNode added = patch(user(), "[{\"op\":\"add\",\"path\":\"emails[type eq \\\"other\\\"].value\",\"value\":\"b@corp.example\"}]");
        assertThat(ScimUserMapping.read(added, ScimCustomFields.NONE).businessEmail()).isEqualTo("b@corp.example");
        assertThat(ScimUserMapping.read(added, ScimCustomFields.NONE).workEmail()).isEqualTo("ann@example.com");
        ObjectNode removed = patch(user(), "[{\"op\":\"remove\",\"path\":\"emails[type eq \\\"work\\\"]\"}]");
        assertThat(ScimUserMapping.read(removed, ScimCustomFields.NONE).workEmail()).isNull();
    }

    @Test
    void a_mobile_number_added_to_a_user_whose_phone_is_answered_as_work_is_the_new_phone() {
        ObjectNode user = user();
        user.putArray("phoneNumbers").addObject().put("value", "+8613800138000").put("type", "work").put("primary", true);
        ObjectNode changed = patch(user, "[{\"op\":\"Add\",\"path\":\"phoneNumbers[type eq \\\"mobile\\\"].value\","
                + "\"value\":\"+8613900139000\"}]");
        assertThat(ScimUserMapping.read(changed, ScimCustomFields.NONE).phone()).isEqualTo("+8613900139000");
    }

    @Test
    void paths_without_filters_sub_attributes_the_extension_and_names_as_paths_in_a_value() {
        ObjectNode changed = patch(user(), """
                [{"op":"replace","path":"name.familyName","value":"Li"},
                 {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"m-9"},
                 {"op":"Replace","value":{"name.givenName":"Annie","displayName":"Annie Li"}},
                 {"op":"add","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales"}}},
                 {"op":"add","path":"emails","value":[{"value":"new@example.com","type":"work"}]},
                 {"op":"remove","path":"title"}]""");
        ScimUserMapping.ScimUser user = ScimUserMapping.read(changed, ScimCustomFields.NONE);
        assertThat(user.familyName()).isEqualTo("Li");
        assertThat(user.givenName()).isEqualTo("Annie");
        assertThat(user.displayName()).isEqualTo("Annie Li");
        assertThat(user.managerId()).isEqualTo("m-9");
        assertThat(user.department()).isEqualTo("Sales");
        assertThat(user.workEmail()).isEqualTo("new@example.com");
        assertThat(changed.get("emails")).hasSize(1);
    }

    @Test
    void refuses_read_only_attributes_unknown_operations_and_a_remove_without_path() {
        assertRefused("[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"x\"}]", "mutability");
        assertRefused("[{\"op\":\"replace\",\"path\":\"meta.version\",\"value\":\"x\"}]", "mutability");
        assertRefused("[{\"op\":\"move\",\"path\":\"title\",\"value\":\"x\"}]", "invalidSyntax");
        assertRefused("[{\"op\":\"remove\"}]", "noTarget");
        assertRefused("[{\"op\":\"replace\",\"path\":\"emails[value co \\\"zzz\\\"].value\",\"value\":\"a@b\"}]", "noTarget");
        assertRefused("[{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":\"a@b\"}]", "invalidPath");
        assertRefused("[{\"op\":\"replace\",\"path\":\"urn:x:y:z\",\"value\":\"a\"}]", "invalidPath");
        assertRefused("[]", "invalidSyntax");
        assertRefused("[{\"op\":\"replace\",\"value\":\"not an object\"}]", "invalidValue");
    }

    private static void assertRefused(String operations, String scimType) {
        assertThatThrownBy(() -> patch(user(), operations)).as(operations)
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo(scimType));
    }

    private static final String CUSTOM = ScimSchemas.CUSTOM_USER;

    private static ObjectNode withCustom() {
        ObjectNode user = user();
        user.putObject(CUSTOM).put("costCenter", "CC-1").putArray("skills").add("Java");
        return user;
    }

    private static ObjectNode patchCustom(ObjectNode user, String operations) {
        return ScimPatch.apply(user, ScimFilterTest.json("{\"Operations\":" + operations + "}"), ScimUserMappingTest.CUSTOM);
    }

    @Test
    void paths_into_the_custom_fields_extension_and_its_object_without_a_path() {
        ObjectNode changed = patchCustom(withCustom(), "[{\"op\":\"replace\",\"path\":\"" + CUSTOM + ":COSTCENTER\",\"value\":\"CC-2\"},"
                + "{\"op\":\"add\",\"path\":\"" + CUSTOM + ":skills\",\"value\":[\"Go\"]},"
                + "{\"op\":\"Replace\",\"value\":{\"" + CUSTOM + "\":{\"level\":4}}}]");
        java.util.Map<String, Object> custom = ScimUserMapping.read(changed, ScimUserMappingTest.CUSTOM).custom();
        assertThat(custom).containsEntry("costCenter", "CC-2").containsEntry("skills", java.util.List.of("Java", "Go"));
        assertThat((java.math.BigDecimal) custom.get("level")).isEqualByComparingTo("4");
        assertThat(changed.get(CUSTOM).has("COSTCENTER")).as("written with the field's key").isFalse();

        ObjectNode removed = patchCustom(withCustom(), "[{\"op\":\"remove\",\"path\":\"" + CUSTOM + ":costCenter\"}]");
        assertThat(ScimUserMapping.read(removed, ScimUserMappingTest.CUSTOM).custom()).containsOnlyKeys("skills");
        ObjectNode created = patchCustom(user(), "[{\"op\":\"add\",\"path\":\"" + CUSTOM + ":level\",\"value\":\"7\"}]");
        assertThat(ScimUserMapping.read(created, ScimUserMappingTest.CUSTOM).custom()).containsEntry("level", "7");
        assertThat(patchCustom(user(), "[{\"op\":\"remove\",\"path\":\"" + CUSTOM + ":level\"}]").has(CUSTOM))
                .as("removing what is not there").isFalse();
    }

    @Test
    void a_path_to_no_custom_field_is_an_invalid_path_never_a_mutability_error() {
        for (String operations : new String[]{
                "[{\"op\":\"replace\",\"path\":\"" + CUSTOM + ":nope\",\"value\":\"x\"}]",
                "[{\"op\":\"remove\",\"path\":\"" + CUSTOM + ":nope\"}]",
                "[{\"op\":\"replace\",\"path\":\"" + CUSTOM + ":id\",\"value\":\"x\"}]",
                "[{\"op\":\"replace\",\"path\":\"" + CUSTOM + ":jobTitle\",\"value\":\"x\"}]",
                "[{\"op\":\"replace\",\"value\":{\"" + CUSTOM + "\":{\"nope\":\"x\"}}}]",
                "[{\"op\":\"replace\",\"path\":\"" + CUSTOM + ":costCenter.value\",\"value\":\"x\"}]",
                "[{\"op\":\"remove\",\"path\":\"" + CUSTOM + ":skills[value eq \\\"Java\\\"]\"}]"}) {
            assertThatThrownBy(() -> patchCustom(withCustom(), operations)).as(operations)
                    .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidPath"));
        }
        assertThatThrownBy(() -> patch(withCustom(), "[{\"op\":\"replace\",\"path\":\"" + CUSTOM + ":costCenter\",\"value\":\"x\"}]"))
                .as("no custom field defined").isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).isEqualTo("invalidPath"));
    }
}
