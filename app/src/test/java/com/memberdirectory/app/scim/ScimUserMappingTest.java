package com.memberdirectory.app.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.department.DepartmentView;
import com.memberdirectory.kernel.field.FieldOption;
import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.field.FieldView;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberView;
import com.memberdirectory.kernel.Patch;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScimUserMappingTest {

    private static final ScimUserMapping.Departments DEPARTMENTS = new ScimUserMapping.Departments(List.of(
            new DepartmentView("d-sales", "Sales", null, "Sales", List.of()),
            new DepartmentView("d-emea", "EMEA", "d-sales", "Sales/EMEA", List.of("d-sales")),
            new DepartmentView("d-it", "IT", null, "IT", List.of()),
            new DepartmentView("d-it-emea", "EMEA", "d-it", "IT/EMEA", List.of("d-it"))));

    static final ScimCustomFields CUSTOM = ScimCustomFields.of(List.of(
            new FieldView("jobTitle", "Job title", FieldType.SINGLE_OPTION, true, List.of()),
            new FieldView("costCenter", "Cost center", FieldType.TEXT, false, List.of()),
            new FieldView("level", "Level", FieldType.NUMBER, false, List.of()),
            new FieldView("skills", "Skills", FieldType.MULTI_OPTION, false,
                    List.of(new FieldOption("o-1", "Java"), new FieldOption("o-2", "Go")))));

    private static MemberView member(MemberStatus status) {
        return withCustom(status, Map.of());
    }

    private static MemberView withCustom(MemberStatus status, Map<String, Object> custom) {
        return new MemberView("m-1", 4, status, "Ann Lee", "Lee", "Ann", null, "ann.lee", "ann@example.com",
                "ann@corp.example", "ann@example.com", LoginEmailType.WORK_EMAIL, false, "+8613800138000", true,
                Gender.UNSPECIFIED, List.of("d-emea", "d-it"), null, "E-7", null, null, null, "Ext-1", "m-9", List.of(),
                "Engineer", null, custom, null, null, null);
    }

    @Test
    void a_member_as_a_scim_user() {
        ObjectNode user = ScimUserMapping.toScim(member(MemberStatus.ACTIVE), DEPARTMENTS, "https://x/scim/v2/Users/m-1");
        assertThat(user.get("userName").asText()).isEqualTo("ann.lee");
        assertThat(user.get("externalId").asText()).isEqualTo("Ext-1");
        assertThat(user.get("displayName").asText()).isEqualTo("Ann Lee");
        assertThat(user.at("/name/givenName").asText()).isEqualTo("Ann");
        assertThat(user.at("/name/familyName").asText()).isEqualTo("Lee");
        assertThat(user.get("title").asText()).isEqualTo("Engineer");
        assertThat(user.get("active").asBoolean()).isTrue();
        assertThat(user.at("/emails/0/type").asText()).isEqualTo("work");
        assertThat(user.at("/emails/0/value").asText()).isEqualTo("ann@example.com");
        assertThat(user.at("/emails/1/type").asText()).isEqualTo("other");
        assertThat(user.at("/phoneNumbers/0/value").asText()).isEqualTo("+8613800138000");
        ObjectNode enterprise = (ObjectNode) user.get(ScimSchemas.ENTERPRISE_USER);
        assertThat(enterprise.get("department").asText()).as("the primary department's path").isEqualTo("Sales/EMEA");
        assertThat(enterprise.get("employeeNumber").asText()).isEqualTo("E-7");
        assertThat(enterprise.at("/manager/value").asText()).isEqualTo("m-9");
        assertThat(user.at("/meta/version").asText()).isEqualTo("W/\"4\"");
        assertThat(ScimUserMapping.toScim(member(MemberStatus.SUSPENDED), DEPARTMENTS, "x").get("active").asBoolean()).isFalse();
        assertThat(user.has("loginEmail")).isFalse();
    }

    @Test
    void a_user_read_back_changes_nothing_and_a_new_primary_department_keeps_the_others() {
        MemberView member = member(MemberStatus.ACTIVE);
        ObjectNode user = ScimUserMapping.toScim(member, DEPARTMENTS, "x");
        MemberChanges same = ScimUserMapping.toReplace(ScimUserMapping.read(user, ScimCustomFields.NONE), member, DEPARTMENTS);
        assertThat(same.get(MemberFields.NAME)).isEqualTo(Patch.of("Ann Lee"));
        assertThat(same.get(MemberFields.EXTERNAL_ID)).isEqualTo(Patch.of("Ext-1"));
        assertThat(same.get(MemberFields.MANAGER)).isEqualTo(Patch.of(new MemberId("m-9")));
        assertThat(same.get(MemberFields.DEPARTMENTS).present()).as("the primary department as it is: departments untouched").isFalse();

        ((ObjectNode) user.get(ScimSchemas.ENTERPRISE_USER)).put("department", "it");
        MemberChanges moved = ScimUserMapping.toReplace(ScimUserMapping.read(user, ScimCustomFields.NONE), member, DEPARTMENTS);
        assertThat(moved.get(MemberFields.DEPARTMENTS)).isEqualTo(Patch.of(List.of(new DepartmentId("d-it"), new DepartmentId("d-emea"))));
    }

    @Test
    void a_replacement_clears_what_it_leaves_out_and_a_creation_only_sets_what_it_gives() {
        ScimUserMapping.ScimUser bare = ScimUserMapping.read(ScimFilterTest.json("{\"userName\":\"bo\"}"), ScimCustomFields.NONE);
        MemberChanges replaced = ScimUserMapping.toReplace(bare, member(MemberStatus.ACTIVE), DEPARTMENTS);
        assertThat(replaced.get(MemberFields.NAME)).as("no displayName or names: the user name").isEqualTo(Patch.of("bo"));
        assertThat(replaced.get(MemberFields.WORK_EMAIL)).isEqualTo(Patch.of(null));
        assertThat(replaced.get(MemberFields.JOB_TITLE)).isEqualTo(Patch.of(null));
        assertThat(replaced.get(MemberFields.EXTERNAL_ID)).isEqualTo(Patch.of(null));
        assertThat(replaced.get(MemberFields.DEPARTMENTS).present()).isFalse();
        MemberChanges created = ScimUserMapping.toCreate(bare, DEPARTMENTS, List.of("d-sales"));
        assertThat(created.get(MemberFields.WORK_EMAIL).present()).isFalse();
        assertThat(created.get(MemberFields.DEPARTMENTS)).as("the scoped client's one department")
                .isEqualTo(Patch.of(List.of(new DepartmentId("d-sales"))));
    }

    @Test
    void reads_what_providers_send() {
        ScimUserMapping.ScimUser user = ScimUserMapping.read(ScimFilterTest.json("""
                {"USERNAME":"bo","Name":{"GivenName":"Bo","familyName":"Stone"},"active":"False",
                 "emails":[{"value":"home@example.com","type":"home"},{"value":"bo@corp.example","type":"business"},
                           {"value":"bo@example.com"}],
                 "phoneNumbers":[{"value":"+1 555","type":"fax"},{"value":"13800138000","type":"mobile"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":"m-2","department":"Sales/EMEA"}}"""), ScimCustomFields.NONE);
        assertThat(user.userName()).isEqualTo("bo");
        assertThat(ScimUserMapping.displayName(user)).isEqualTo("Bo Stone");
        assertThat(user.active()).isFalse();
        assertThat(user.workEmail()).as("an untyped email when there is no work email").isEqualTo("bo@example.com");
        assertThat(user.businessEmail()).isEqualTo("bo@corp.example");
        assertThat(user.phone()).isEqualTo("13800138000");
        assertThat(user.managerId()).isEqualTo("m-2");
        assertThat(ScimUserMapping.toCreate(user, DEPARTMENTS, List.of()).get(MemberFields.DEPARTMENTS))
                .isEqualTo(Patch.of(List.of(new DepartmentId("d-emea"))));
    }

    @Test
    void refuses_values_of_the_wrong_shape_and_departments_it_cannot_name() {
        for (String bad : new String[]{"{\"userName\":3}", "{\"userName\":\"a\",\"emails\":{\"value\":\"x\"}}",
                "{\"userName\":\"a\",\"emails\":[\"x\"]}", "{\"userName\":\"a\",\"active\":\"maybe\"}",
                "{\"userName\":\"a\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"manager\":3}}"}) {
            assertThatThrownBy(() -> ScimUserMapping.read(ScimFilterTest.json(bad), ScimCustomFields.NONE)).as(bad)
                    .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidValue"));
        }
        ScimUserMapping.ScimUser ambiguous = ScimUserMapping.read(ScimFilterTest.json(
                "{\"userName\":\"a\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"EMEA\"}}"), ScimCustomFields.NONE);
        assertThatThrownBy(() -> ScimUserMapping.toCreate(ambiguous, DEPARTMENTS, List.of()))
                .as("two departments are called EMEA").isInstanceOf(ScimException.class);
        assertThatThrownBy(() -> ScimUserMapping.toCreate(ScimUserMapping.read(ScimFilterTest.json("{}"), ScimCustomFields.NONE), DEPARTMENTS, List.of()))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidValue"));
    }

    @Test
    void custom_values_are_the_directory_s_own_extension_shown_as_the_member_json_shows_them() {
        assertThat(ScimUserMapping.toScim(member(MemberStatus.ACTIVE), DEPARTMENTS, "x").has(ScimSchemas.CUSTOM_USER))
                .as("no custom values: no extension").isFalse();
        Map<String, Object> custom = new java.util.LinkedHashMap<>();
        custom.put("costCenter", "CC-1");
        custom.put("level", new java.math.BigDecimal("3.5"));
        custom.put("skills", List.of("Java", "Go"));
        ObjectNode user = ScimUserMapping.toScim(withCustom(MemberStatus.ACTIVE, custom), DEPARTMENTS, "x");
        assertThat(user.get("schemas")).extracting(com.fasterxml.jackson.databind.JsonNode::asText)
                .containsExactly(ScimSchemas.USER, ScimSchemas.ENTERPRISE_USER, ScimSchemas.CUSTOM_USER);
        ObjectNode extension = (ObjectNode) user.get(ScimSchemas.CUSTOM_USER);
        assertThat(extension.get("costCenter").textValue()).isEqualTo("CC-1");
        assertThat(extension.get("level").isNumber()).as("a number as a number").isTrue();
        assertThat(extension.get("level").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(extension.get("skills")).extracting(com.fasterxml.jackson.databind.JsonNode::textValue)
                .as("a multi-option field: its labels").containsExactly("Java", "Go");
    }

    @Test
    void a_replacement_with_the_custom_extension_clears_what_it_leaves_out_and_one_without_keeps_every_value() {
        MemberView member = withCustom(MemberStatus.ACTIVE, Map.of("costCenter", "CC-1", "level", new java.math.BigDecimal(2)));
        ScimUserMapping.ScimUser with = ScimUserMapping.read(ScimFilterTest.json("{\"userName\":\"bo\",\""
                + ScimSchemas.CUSTOM_USER + "\":{\"COSTCENTER\":\"CC-2\",\"skills\":[\"go\"]}}"), CUSTOM);
        assertThat(with.custom()).as("named by the field's key, whatever the case written")
                .containsOnlyKeys("costCenter", "skills");
        Map<String, Object> expected = new java.util.HashMap<>();
        expected.put("costCenter", "CC-2");
        expected.put("skills", List.of("go"));
        expected.put("level", null);
        assertThat(ScimUserMapping.toReplace(with, member, DEPARTMENTS).custom()).isEqualTo(Patch.of(expected));

        ScimUserMapping.ScimUser without = ScimUserMapping.read(ScimFilterTest.json("{\"userName\":\"bo\"}"), CUSTOM);
        assertThat(without.custom()).isNull();
        assertThat(ScimUserMapping.toReplace(without, member, DEPARTMENTS).custom().present())
                .as("a provider that does not know the extension keeps the member's values").isFalse();
        assertThat(ScimUserMapping.toReplace(ScimUserMapping.read(ScimUserMapping.toScim(member, DEPARTMENTS, "x"), CUSTOM),
                member, DEPARTMENTS).custom()).as("the User read back sets the values it has")
                .isEqualTo(Patch.of(Map.of("costCenter", "CC-1", "level", new java.math.BigDecimal(2))));

        MemberChanges created = ScimUserMapping.toCreate(with, DEPARTMENTS, List.of("d-sales"));
        assertThat(created.custom()).isEqualTo(Patch.of(Map.of("costCenter", "CC-2", "skills", List.of("go"))));
        assertThat(ScimUserMapping.toCreate(without, DEPARTMENTS, List.of("d-sales")).custom().present()).isFalse();
    }

    @Test
    void a_custom_value_of_the_wrong_shape_is_an_invalid_value_and_an_unknown_key_goes_to_the_member_s_rule() {
        for (String bad : new String[]{"{\"level\":true}", "{\"skills\":[1]}", "{\"costCenter\":{\"a\":1}}", "[]",
                "{\"costCenter\":\"a\",\"COSTCENTER\":\"b\"}"}) {
            assertThatThrownBy(() -> ScimUserMapping.read(ScimFilterTest.json("{\"userName\":\"a\",\"" + ScimSchemas.CUSTOM_USER
                    + "\":" + bad + "}"), CUSTOM)).as(bad)
                    .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidValue"));
        }
        ScimUserMapping.ScimUser unknown = ScimUserMapping.read(ScimFilterTest.json("{\"userName\":\"a\",\""
                + ScimSchemas.CUSTOM_USER + "\":{\"nope\":\"x\",\"jobTitle\":\"y\"}}"), CUSTOM);
        assertThat(unknown.custom()).as("kept as written: the member's rule refuses it (unknown_field), as on the console")
                .containsOnlyKeys("nope", "jobTitle");
    }
}
