package com.memberdirectory.app.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScimFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final JsonNode ANN = json("""
            {"id":"m-1","externalId":"Ext-1","userName":"ann.lee","displayName":"Ann Lee","active":true,
             "name":{"givenName":"Ann","familyName":"Lee"},
             "emails":[{"value":"ann@example.com","type":"work","primary":true},{"value":"ann@corp.example","type":"other"}],
             "phoneNumbers":[{"value":"+8613800138000","type":"work"}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales/EMEA","employeeNumber":"E7",
               "manager":{"value":"m-9"}}}""");

    private static boolean matches(String filter) {
        return ScimFilter.parse(filter).matches(ANN);
    }

    @Test
    void compares_strings_ignoring_case_except_case_exact_attributes() {
        assertThat(matches("userName eq \"ANN.LEE\"")).isTrue();
        assertThat(matches("userName ne \"ann.lee\"")).isFalse();
        assertThat(matches("externalId eq \"Ext-1\"")).isTrue();
        assertThat(matches("externalId eq \"ext-1\"")).isFalse();
        assertThat(matches("id eq \"m-1\"")).isTrue();
        assertThat(matches("displayName co \"nn L\"")).isTrue();
        assertThat(matches("displayName sw \"ann\"")).isTrue();
        assertThat(matches("displayName ew \"LEE\"")).isTrue();
        assertThat(matches("displayName ew \"Ann\"")).isFalse();
        assertThat(matches("userName gt \"a\" and userName lt \"b\"")).isTrue();
        assertThat(matches("userName ge \"ann.lee\" and userName le \"ann.lee\"")).isTrue();
    }

    @Test
    void reads_sub_attributes_multi_valued_attributes_value_paths_and_the_extension() {
        assertThat(matches("name.familyName eq \"lee\"")).isTrue();
        assertThat(matches("emails.value eq \"ann@corp.example\"")).isTrue();
        assertThat(matches("emails eq \"ann@example.com\"")).isTrue();
        assertThat(matches("emails[type eq \"work\" and value co \"example.com\"]")).isTrue();
        assertThat(matches("emails[type eq \"home\"]")).isFalse();
        assertThat(matches("emails[type eq \"work\"].value eq \"ann@example.com\"")).isTrue();
        assertThat(matches("emails[type eq \"work\"].value eq \"ann@corp.example\"")).isFalse();
        assertThat(matches("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"sales/emea\"")).isTrue();
        assertThat(matches("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"m-9\"")).isTrue();
        assertThat(matches("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"ann.lee\"")).isTrue();
    }

    @Test
    void reads_the_custom_fields_extension_and_refuses_a_custom_field_that_does_not_exist() {
        JsonNode user = json("{\"userName\":\"ann\",\"" + ScimSchemas.CUSTOM_USER
                + "\":{\"costCenter\":\"CC-1\",\"level\":3.5,\"skills\":[\"Java\",\"Go\"]}}");
        String custom = ScimSchemas.CUSTOM_USER + ":";
        for (String filter : new String[]{custom + "costCenter eq \"cc-1\"", custom + "LEVEL gt 3", custom + "level eq 3.50",
                custom + "skills eq \"go\"", custom + "skills[value eq \"Java\"]", custom + "skills pr"}) {
            assertThat(ScimUserMappingTest.CUSTOM.checked(ScimFilter.parse(filter)).matches(user)).as(filter).isTrue();
        }
        for (String filter : new String[]{custom + "costCenter eq \"CC-2\"", custom + "level lt 3", custom + "skills eq \"Rust\""}) {
            assertThat(ScimUserMappingTest.CUSTOM.checked(ScimFilter.parse(filter)).matches(user)).as(filter).isFalse();
        }
        for (String filter : new String[]{custom + "nope eq \"x\"", "userName pr and not (" + custom + "nope pr)",
                custom + "jobTitle eq \"x\"", custom + "costCenter.value eq \"x\""}) {
            assertThatThrownBy(() -> ScimUserMappingTest.CUSTOM.checked(ScimFilter.parse(filter))).as(filter)
                    .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidFilter"));
        }
    }

    @Test
    void combines_with_and_or_not_and_parentheses_and_tests_presence() {
        assertThat(matches("userName eq \"x\" or (active eq true and title pr)")).isFalse();
        assertThat(matches("userName eq \"x\" or (active eq true and not (title pr))")).isTrue();
        assertThat(matches("title pr")).isFalse();
        assertThat(matches("phoneNumbers pr AND name.givenName EQ \"ann\"")).isTrue();
        assertThat(matches("active eq \"True\"")).isTrue();
        assertThat(matches("title eq null")).isTrue();
        // and binds tighter than or
        assertThat(matches("userName eq \"x\" and active eq true or displayName sw \"Ann\"")).isTrue();
        assertThat(matches("userName eq \"x\" and (active eq true or displayName sw \"Ann\")")).isFalse();
    }

    @Test
    void recognises_the_user_name_lookup_every_provisioning_client_sends() {
        assertThat(ScimFilter.userNameEquals(ScimFilter.parse("userName eq \"ann@x\""))).isEqualTo("ann@x");
        assertThat(ScimFilter.userNameEquals(ScimFilter.parse("userName co \"ann\""))).isNull();
        assertThat(ScimFilter.userNameEquals(ScimFilter.parse("userName eq \"a\" and active eq true"))).isNull();
    }

    @Test
    void refuses_what_it_cannot_read_as_invalid_filter() {
        for (String bad : new String[]{"", "userName", "userName eq", "userName eq ann", "userName xx \"a\"",
                "(userName eq \"a\"", "userName eq \"a\")", "userName eq \"a", "emails[type eq \"work\"",
                "active gt true", "userName co 3", "urn:other:schema:attr eq \"x\"", "not userName eq \"a\"",
                "userName eq \"a\" and", "9abc eq \"a\"", "(".repeat(100) + "userName pr" + ")".repeat(100),
                "userName eq \"" + "a".repeat(3000) + "\""}) {
            assertThatThrownBy(() -> ScimFilter.parse(bad)).as(bad.length() > 60 ? bad.substring(0, 60) : bad)
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.scimType()).isEqualTo("invalidFilter");
                    });
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void compares_the_users_times_as_instants_whatever_their_offset_or_precision() {
        JsonNode user = json("""
                {"userName":"ann.lee","meta":{"created":"2026-01-02T03:04:05.120Z","lastModified":"2026-03-04T05:06:07Z"}}""");
        assertThat(ScimFilter.parse("meta.lastModified gt \"2026-03-04T05:06:06Z\"").matches(user)).isTrue();
        assertThat(ScimFilter.parse("meta.lastModified gt \"2026-03-04T06:06:06+01:00\"").matches(user))
                .as("05:06:06 UTC").isTrue();
        assertThat(ScimFilter.parse("meta.lastModified ge \"2026-03-04T05:06:07.000Z\"").matches(user)).isTrue();
        assertThat(ScimFilter.parse("meta.lastModified gt \"2026-03-04T05:06:07.000Z\"").matches(user)).isFalse();
        assertThat(ScimFilter.parse("meta.created lt \"2026-01-02T03:04:05.2\"").matches(user))
                .as("no offset: UTC").isTrue();
        assertThat(ScimFilter.parse("meta.created eq \"2026-01-02T04:04:05.12+01:00\"").matches(user)).isTrue();
        assertThat(ScimFilter.parse("meta.created le \"2025-12-31T23:59:59Z\"").matches(user)).isFalse();
        // a text comparison would put "2026-03-04T05:06:07Z" after "2026-03-04T05:06:07.5Z" ('Z' > '.')
        assertThat(ScimFilter.parse("meta.lastModified lt \"2026-03-04T05:06:07.5Z\"").matches(user)).isTrue();
        assertThatThrownBy(() -> ScimFilter.parse("meta.lastModified gt \"yesterday\""))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidFilter"));
        assertThatThrownBy(() -> ScimFilter.parse("meta.created gt 20260101"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidFilter"));
    }
}
