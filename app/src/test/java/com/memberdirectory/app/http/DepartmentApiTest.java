package com.memberdirectory.app.http;

import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.testsupport.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DepartmentApiTest extends ApiTest {

    @Test
    void departments_have_paths_and_are_listed_at_once() {
        String top = unique("Sales");
        Api.Response sales = admin.post("/api/departments", Map.of("name", top));
        assertThat(sales.status()).isEqualTo(201);
        assertThat(sales.text("path")).isEqualTo(top);
        Api.Response emea = admin.post("/api/departments", Map.of("name", "EMEA", "parentId", sales.text("id")));
        assertThat(emea.text("path")).isEqualTo(top + "/EMEA");
        assertThat(emea.text("parentId")).isEqualTo(sales.text("id"));
        assertThat(admin.get("/api/departments").body().get("items").findValuesAsText("path")).contains(top, top + "/EMEA");
    }

    @Test
    void sibling_names_are_unique_ignoring_case_and_parents_must_exist() {
        String top = unique("Ops");
        admin.post("/api/departments", Map.of("name", top));
        Api.Response twin = admin.post("/api/departments", Map.of("name", top.toUpperCase()));
        assertThat(twin.status()).isEqualTo(409);
        assertThat(twin.code()).isEqualTo("duplicate_value");
        Api.Response orphan = admin.post("/api/departments", Map.of("name", "X", "parentId", "nope"));
        assertThat(orphan.status()).isEqualTo(422);
        assertThat(orphan.code()).isEqualTo("unknown_department");
        assertThat(orphan.text("errors/0/field")).isEqualTo("parentId");
        assertThat(admin.post("/api/departments", Map.of("name", " ")).code()).isEqualTo("name_required");
        assertThat(admin.post("/api/departments", Map.of("name", "A/B")).code()).isEqualTo("invalid_value");
    }
}
