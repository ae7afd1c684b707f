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
                + "\"Operations\":" + operations + "}"));
    }

    @Test
    void entra_id_and_okta_deactivations() {
        assertThat(ScimUserMapping.read(patch(user(), "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]")).active())
                .isFalse();
        assertThat(ScimUserMapping.read(patch(user(), "[{\"op\":\"replace\",\"value\":{\"active\":false}}]")).active()).isFalse();
        assertThat(ScimUserMapping.read(patch(user(), "[{\"op\":\"Replace\",\"value\":{\"active\":\"True\"}}]")).active()).isTrue();
    }

    @Test
    void a_filtered_path_changes_the_matching_value_or_adds_the_value_it_describes() {
        ObjectNode changed = patch(user(), "[{\"op\":\"Add\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"x@y.example\"}]");
        assertThat(ScimUserMapping.read(changed).workEmail()).isEqualTo("x@y.example");
        assertThat(changed.get("emails")).hasSize(1);
        ObjectNode added = patch(user(), "[{\"op\":\"add\",\"path\":\"emails[type eq \\\"other\\\"].value\",\"value\":\"b@corp.example\"}]");
        assertThat(ScimUserMapping.read(added).businessEmail()).isEqualTo("b@corp.example");
        assertThat(ScimUserMapping.read(added).workEmail()).isEqualTo("ann@example.com");
        ObjectNode removed = patch(user(), "[{\"op\":\"remove\",\"path\":\"emails[type eq \\\"work\\\"]\"}]");
        assertThat(ScimUserMapping.read(removed).workEmail()).isNull();
    }

    @Test
    void a_mobile_number_added_to_a_user_whose_phone_is_answered_as_work_is_the_new_phone() {
        ObjectNode user = user();
        user.putArray("phoneNumbers").addObject().put("value", "+8613800138000").put("type", "work").put("primary", true);
        ObjectNode changed = patch(user, "[{\"op\":\"Add\",\"path\":\"phoneNumbers[type eq \\\"mobile\\\"].value\","
                + "\"value\":\"+8613900139000\"}]");
        assertThat(ScimUserMapping.read(changed).phone()).isEqualTo("+8613900139000");
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
        ScimUserMapping.ScimUser user = ScimUserMapping.read(changed);
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
}
