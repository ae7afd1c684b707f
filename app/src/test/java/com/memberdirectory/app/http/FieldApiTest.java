package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.testsupport.Api;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FieldApiTest extends ApiTest {

    @Test
    void built_in_fields_are_listed_with_the_workforce_type_presets() {
        JsonNode items = admin.get("/api/fields").body().get("items");
        assertThat(items.findValuesAsText("key")).contains("name", "workEmail", "jobTitle", "workforceType");
        JsonNode workforce = field(items, "workforceType");
        assertThat(workforce.get("label").asText()).isEqualTo("Workforce type");
        assertThat(workforce.get("type").asText()).isEqualTo("SINGLE_OPTION");
        assertThat(workforce.get("options").findValuesAsText("label")).containsExactly("Regular", "Intern", "Contractor", "Outsourced");
    }

    @Test
    void the_job_title_cycle_from_no_options_to_an_option_in_use() {
        String member = member(department(unique("D"), null), Map.of()).get("id").asText();
        Api.Response before = admin.patch("/api/members/" + member, Map.of("jobTitle", "Engineer"));
        assertThat(before.code()).isEqualTo("no_options_defined");
        assertThat(before.body().get("detail").asText()).contains("add options", "field management");

        String engineer = unique("Engineer ");
        JsonNode field = admin.put("/api/fields/jobTitle/options", List.of(Map.of("label", engineer), Map.of("label", "Manager")))
                .body();
        String engineerId = field.get("options").get(0).get("id").asText();
        assertThat(admin.patch("/api/members/" + member, Map.of("jobTitle", engineer.toLowerCase())).body()
                .get("jobTitle").asText()).isEqualTo(engineer);
        assertThat(admin.patch("/api/members/" + member, Map.of("jobTitle", "Astronaut")).code()).isEqualTo("unknown_option");

        List<Map<String, Object>> renamed = new ArrayList<>();
        for (JsonNode option : field.get("options")) {
            renamed.add(Map.of("id", option.get("id").asText(),
                    "label", option.get("id").asText().equals(engineerId) ? "Senior " + engineer : option.get("label").asText()));
        }
        assertThat(admin.put("/api/fields/jobTitle/options", renamed).status()).isEqualTo(200);
        assertThat(admin.get("/api/members/" + member).body().get("jobTitle").asText()).isEqualTo("Senior " + engineer);
        JsonNode history = admin.get("/api/members/" + member + "/history").body().get("items");
        assertThat(history.get(history.size() - 1).get("changes").get(0).get("after").asText())
                .as("history shows the current label").isEqualTo("Senior " + engineer);

        Api.Response removal = admin.put("/api/fields/jobTitle/options", List.of(Map.of("label", "Other " + unique(""))));
        assertThat(removal.status()).isEqualTo(409);
        assertThat(removal.code()).isEqualTo("option_in_use");
        assertThat(removal.body().get("detail").asText()).contains("1 member");
    }

    @Test
    void custom_fields_check_their_values_by_type() {
        String key = "level" + unique("").replace("-", "");
        Api.Response defined = admin.post("/api/fields", Map.of("key", key, "label", "Level " + key, "type", "NUMBER"));
        assertThat(defined.status()).isEqualTo(201);
        String skills = "skills" + unique("").replace("-", "");
        admin.post("/api/fields", Map.of("key", skills, "label", "Skills " + skills, "type", "MULTI_OPTION",
                "options", List.of(Map.of("label", "Java"), Map.of("label", "Go"))));
        String site = "site" + unique("").replace("-", "");
        admin.post("/api/fields", Map.of("key", site, "label", "Site " + site, "type", "URL"));
        Api.Response again = admin.post("/api/fields", Map.of("key", key, "label", "Again", "type", "TEXT"));
        assertThat(again.code()).as(again.status() + " " + new String(again.raw())).isEqualTo("duplicate_value");

        String member = member(department(unique("D"), null), Map.of()).get("id").asText();
        JsonNode set = admin.patch("/api/members/" + member, Map.of("custom", Map.of(key, "3.50", skills, List.of("go", "Java"),
                site, "https://example.org"))).body();
        assertThat(set.at("/custom/" + key).decimalValue()).isEqualByComparingTo("3.5");
        assertThat(set.at("/custom/" + skills).findValuesAsText("")).isEmpty();
        assertThat(set.get("custom").get(skills).get(0).asText()).isEqualTo("Go");
        assertThat(admin.patch("/api/members/" + member, Map.of("custom", Map.of(site, "ftp://x"))).body()
                .get("errors").get(0).get("field").asText()).isEqualTo("custom." + site);
        assertThat(admin.patch("/api/members/" + member, Map.of("custom", Map.of("nope", "x"))).code()).isEqualTo("unknown_field");
        assertThat(admin.patch("/api/members/" + member, Map.of("custom", Map.of(key, "three"))).code()).isEqualTo("invalid_value");
        java.util.HashMap<String, Object> clear = new java.util.HashMap<>();
        clear.put(key, null);
        assertThat(admin.patch("/api/members/" + member, Map.of("custom", clear)).body().get("custom").has(key)).isFalse();
    }

    private static JsonNode field(JsonNode items, String key) {
        for (JsonNode item : items) {
            if (item.get("key").asText().equals(key)) {
                return item;
            }
        }
        throw new AssertionError("no field " + key);
    }
}
