package com.memberdirectory.app.http;

import com.memberdirectory.app.support.Api;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.app.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityApiTest extends ApiTest {

    @Test
    void calls_without_a_valid_token_are_refused_with_401_and_a_problem() {
        for (String token : List.of(Tokens.wrongKey("admin"), Tokens.unsigned("admin"), Tokens.expired("admin"))) {
            Api.Response response = anonymous().as(token).get("/api/members");
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.code()).isEqualTo("unauthorized");
            assertThat(response.header("Content-Type")).contains("application/problem+json");
        }
        Api.Response none = anonymous().get("/api/members");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void health_metrics_and_the_api_description_need_no_token() {
        assertThat(anonymous().get("/actuator/health").text("status")).isEqualTo("UP");
        assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(200);
        Api.Response docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().at("/paths").has("/api/members")).isTrue();
    }

    @Test
    void a_member_who_is_no_admin_may_read_but_not_write() {
        String sales = department(unique("Sales"), null);
        Api visitor = as(unique("visitor-"));
        assertThat(visitor.get("/api/members").status()).isEqualTo(200);
        Api.Response write = visitor.post("/api/members", Map.of("name", "X", "workEmail", unique("x") + "@example.com",
                "departmentIds", List.of(sales)));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.code()).isEqualTo("forbidden");
        assertThat(visitor.post("/api/departments", Map.of("name", unique("D"))).status()).isEqualTo(403);
        assertThat(visitor.put("/api/admins/" + unique("s"), Map.of("permissions", List.of("MEMBER_AND_DEPARTMENT"))).status())
                .isEqualTo(403);
    }

    @Test
    void the_primary_admin_grants_and_revokes_the_member_and_department_permission() {
        String sales = department(unique("Sales"), null);
        String subject = unique("grace-");
        Api grace = as(subject);
        Api.Response granted = admin.put("/api/admins/" + subject, Map.of("permissions", List.of("MEMBER_AND_DEPARTMENT")));
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.body().get("permissions").get(0).asText()).isEqualTo("MEMBER_AND_DEPARTMENT");
        assertThat(grace.post("/api/members", Map.of("name", "By Grace", "workEmail", unique("g") + "@example.com",
                "departmentIds", List.of(sales))).status()).isEqualTo(201);
        assertThat(admin.get("/api/admins").body().get("items").findValuesAsText("subject")).contains(subject);
        assertThat(grace.put("/api/admins/" + unique("other"), Map.of("permissions", List.of("MEMBER_AND_DEPARTMENT")))
                .status()).as("only the primary admin grants").isEqualTo(403);

        assertThat(admin.delete("/api/admins/" + subject).status()).isEqualTo(204);
        assertThat(grace.post("/api/members", Map.of("name", "Again", "workEmail", unique("g") + "@example.com",
                "departmentIds", List.of(sales))).status()).isEqualTo(403);
        assertThat(admin.delete("/api/admins/" + subject).status()).isEqualTo(404);
        assertThat(admin.get("/api/admins").body().get("items").findValuesAsText("subject")).doesNotContain(subject);
    }

    @Test
    void an_admin_limited_to_a_department_writes_only_members_of_its_subtree() {
        String north = department(unique("North"), null);
        String northEast = department(unique("East"), north);
        String south = department(unique("South"), null);
        Api scoped = adminOf(north);

        Api.Response inside = scoped.post("/api/members", Map.of("name", "Inside", "workEmail", unique("i") + "@example.com",
                "departmentIds", List.of(northEast)));
        assertThat(inside.status()).isEqualTo(201);
        String southMember = member(south, Map.of()).get("id").asText();
        assertThat(scoped.patch("/api/members/" + southMember, Map.of("name", "Nope")).status()).isEqualTo(403);
        assertThat(scoped.patch("/api/members/" + inside.text("id"), Map.of("departmentIds", List.of(south))).status())
                .as("cannot move a member out to a department it does not manage").isEqualTo(403);
        assertThat(scoped.patch("/api/members/" + inside.text("id"), Map.of("name", "Renamed")).status()).isEqualTo(200);
        assertThat(scoped.post("/api/departments", Map.of("name", unique("Sub"), "parentId", north)).status()).isEqualTo(201);
        assertThat(scoped.post("/api/departments", Map.of("name", unique("Top"))).status()).isEqualTo(403);
        assertThat(scoped.post("/api/exports", Map.of("selection", "WITHOUT_LOGIN_PASSWORD")).status())
                .as("exports its own members (ImportExportApiTest checks which)").isEqualTo(202);
    }
}
