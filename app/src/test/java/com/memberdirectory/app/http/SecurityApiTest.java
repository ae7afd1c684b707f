package com.memberdirectory.app.http;

import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityApiTest extends ApiTest {

    @Test
    void calls_without_a_valid_token_are_refused_with_401_and_a_problem() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("wrong key", Tokens.wrongKey("admin"));
        tokens.put("alg none", Tokens.unsigned("admin"));
        tokens.put("expired", Tokens.expired("admin"));
        tokens.put("no exp", Tokens.withoutExpiry("admin"));
        tokens.put("no sub", Tokens.withoutSubject());
        tokens.put("empty sub", Tokens.withSubject(""));
        tokens.put("blank sub", Tokens.withSubject("  "));
        tokens.put("auth_time in the future", Tokens.signedInInTheFuture("admin"));
        tokens.put("auth_time a string", Tokens.withAuthTime("admin", "yesterday"));
        tokens.put("auth_time an object", Tokens.withAuthTime("admin", Map.of("at", 1)));
        tokens.put("auth_time past Instant.MAX", Tokens.withAuthTime("admin", Long.MAX_VALUE));
        tokens.put("auth_time a huge double", Tokens.withAuthTime("admin", 1e300));
        tokens.forEach((kind, token) -> {
            for (String path : List.of("/api/members", "/actuator/metrics")) {
                Api.Response response = anonymous().as(token).get(path);
                assertThat(response.status()).as(kind + " on " + path).isEqualTo(401);
                assertThat(response.code()).as(kind).isEqualTo("unauthorized");
                assertThat(response.header("Content-Type")).contains("application/problem+json");
            }
            Api.Response export = anonymous().as(token).post("/api/exports", Map.of("selection", "WITHOUT_LOGIN_PASSWORD"));
            assertThat(export.status()).as(kind + " on an export").isEqualTo(401);
        });
        Api.Response none = anonymous().get("/api/members");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void an_export_believes_a_sign_in_a_few_seconds_ahead_but_not_one_in_the_future() {
        Api clockAhead = anonymous().as(Tokens.signedInAhead("admin", Duration.ofSeconds(2)));
        assertThat(clockAhead.post("/api/exports", Map.of("selection", "WITHOUT_LOGIN_PASSWORD")).status())
                .as("within the clock skew").isEqualTo(202);
        Api future = anonymous().as(Tokens.signedInAhead("admin", Duration.ofSeconds(30)));
        Api.Response refused = future.post("/api/exports", Map.of("selection", "WITHOUT_LOGIN_PASSWORD"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("unauthorized");
    }

    @Test
    void health_info_and_the_api_description_need_no_token_prometheus_needs_an_operator() {
        assertThat(anonymous().get("/actuator/health").text("status")).isEqualTo("UP");
        assertThat(anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/health/readiness").text("status"))
                .as("ready: the read models have caught up with the stored events").isEqualTo("UP");
        assertThat(anonymous().get("/actuator/info").status()).isEqualTo(200);
        Api.Response docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().at("/paths").has("/api/members")).isTrue();

        Api.Response noToken = anonymous().get("/actuator/prometheus");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.header("WWW-Authenticate")).startsWith("Bearer");
        Api.Response member = as(unique("member-")).get("/actuator/prometheus");
        assertThat(member.status()).isEqualTo(403);
        assertThat(member.code()).isEqualTo("forbidden");
        assertThat(member.header("Content-Type")).contains("application/problem+json");
        assertThat(admin.get("/actuator/prometheus").status()).as("the primary admin").isEqualTo(200);
        assertThat(as("ops-robot").get("/actuator/prometheus").status()).as("an operator").isEqualTo(200);
    }

    @Test
    void other_operational_endpoints_are_for_the_primary_admin_and_operators_only() {
        String grantedAdmin = unique("granted-");
        assertThat(admin.put("/api/admins/" + grantedAdmin, Map.of("permissions", List.of("MEMBER_AND_DEPARTMENT"))).status())
                .isEqualTo(200);
        for (String path : List.of("/actuator", "/actuator/metrics", "/actuator/metrics/jvm.memory.used?tag=area:heap")) {
            assertThat(anonymous().get(path).status()).as(path).isEqualTo(401);
            for (Api notAnOperator : List.of(as(unique("member-")), as(grantedAdmin))) {
                Api.Response refused = notAnOperator.get(path);
                assertThat(refused.status()).as(path).isEqualTo(403);
                assertThat(refused.code()).isEqualTo("forbidden");
                assertThat(refused.header("Content-Type")).contains("application/problem+json");
            }
            assertThat(admin.get(path).status()).as(path).isEqualTo(200);
            assertThat(as("ops-robot").get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(as("ops-robot").get("/api/members").status()).as("an operator is a plain caller on the API")
                .isEqualTo(200);
        assertThat(as("ops-robot").post("/api/departments", Map.of("name", unique("D"))).status()).isEqualTo(403);
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

    @Test
    void an_upload_by_a_caller_without_the_permission_is_refused_before_its_body_is_read() throws Exception {
        String token = Tokens.valid(unique("visitor-"));
        for (String head : new String[]{
                "POST /api/imports HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=x\r\n",
                "PUT /api/members/" + unique("m") + "/photo HTTP/1.1\r\nContent-Type: image/png\r\n"}) {
            try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
                socket.setSoTimeout(5_000);
                // Announces 5 MB (what a photo may have; larger is 413 for anyone, on its headers) and sends none of it:
                // only an answer that does not wait for the body comes back.
                socket.getOutputStream().write((head + "Host: localhost\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Length: 5000000\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                        java.nio.charset.StandardCharsets.US_ASCII)).readLine();
                assertThat(status).as(head).startsWith("HTTP/1.1 403");
            }
        }
    }
}
