package com.memberdirectory.app.storage;

import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MongoDB mode end to end over HTTP, shared by the run against the in-process stand-in and the run against a
 * real MongoDB. Subclasses point {@code spring.data.mongodb.uri} at their server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "directory.security.jwt-secret=" + MongoModeScenario.SECRET,
        "directory.security.primary-admin=admin"})
abstract class MongoModeScenario {

    static final String SECRET = "a-test-secret-that-is-at-least-32-bytes-long";

    @LocalServerPort
    int port;

    private Api http;

    @BeforeEach
    void client() {
        http = new Api(port, Tokens.hs256("admin", SECRET, Duration.ofMinutes(10)));
    }

    @Test
    void membersAreCreatedReadChangedAndKeptUnique() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        Api.Response department = send("POST", "/api/departments",
                Map.of("name", "Sales " + suffix));
        assertThat(department.status()).as("%s", department.body()).isEqualTo(201);
        String departmentId = department.body().get("id").asText();

        String email = "ada." + suffix + "@example.com";
        Api.Response created = send("POST", "/api/members", Map.of(
                "name", "Ada Lovelace", "userId", "ada" + suffix, "workEmail", email,
                "departmentIds", List.of(departmentId)));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.location()).isNotNull();
        String memberId = created.body().get("id").asText();

        Api.Response read = send("GET", "/api/members/" + memberId, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.body().get("workEmail").asText()).isEqualTo(email);

        Api.Response patched = send("PATCH", "/api/members/" + memberId,
                Map.of("name", "Ada King"));
        assertThat(patched.status()).as("%s", patched.body()).isEqualTo(200);
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
        assertThat(patched.body().get("name").asText()).isEqualTo("Ada King");

        // The user ID is claimed before the work email is found taken: the refused command must leave no claim.
        Api.Response duplicate = send("POST", "/api/members", Map.of(
                "name", "Grace Hopper", "userId", "grace" + suffix, "workEmail", email.toUpperCase(),
                "departmentIds", List.of(departmentId)));
        assertThat(duplicate.status()).as("%s", duplicate.body()).isEqualTo(409);
        assertThat(duplicate.body().get("code").asText()).isEqualTo("duplicate_value");
        assertThat(duplicate.body().get("errors").get(0).get("field").asText()).isEqualTo("workEmail");

        Api.Response grace = send("POST", "/api/members", Map.of(
                "name", "Grace Hopper", "userId", "grace" + suffix, "workEmail", "grace." + suffix + "@example.com",
                "departmentIds", List.of(departmentId)));
        assertThat(grace.status()).as("the refused command's user ID claim was left behind: %s",
                grace.body()).isEqualTo(201);

        Api.Response list = send("GET", "/api/members?departmentId=" + departmentId, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("total").asLong()).isEqualTo(2);
        assertThat(list.body().get("items").findValuesAsText("name")).containsExactlyInAnyOrder("Ada King", "Grace Hopper");
    }

    /** A JSON body as {@code application/json}, for PATCH too. */
    /**
     * A member moved from one direct manager to another is still in the manager graph under the new one, so a change
     * closing a cycle through it is refused. (Without transactions the entry used to be lost at such a move.)
     */
    @Test
    void aMemberMovedToAnotherManagerStillClosesNoCycle() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String department = send("POST", "/api/departments", Map.of("name", "Lines " + suffix)).body().get("id").asText();
        Map<String, String> ids = new java.util.HashMap<>();
        for (String name : List.of("ana", "ben", "cai")) {
            Api.Response created = send("POST", "/api/members", Map.of("name", name, "workEmail",
                    name + "." + suffix + "@example.com", "departmentIds", List.of(department)));
            assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
            ids.put(name, created.body().get("id").asText());
        }
        assertThat(send("PATCH", "/api/members/" + ids.get("ana"), Map.of("managerId", ids.get("ben"))).status())
                .isEqualTo(200);
        assertThat(send("PATCH", "/api/members/" + ids.get("ana"), Map.of("managerId", ids.get("cai"))).status())
                .isEqualTo(200);

        Api.Response cycle = send("PATCH", "/api/members/" + ids.get("cai"), Map.of("managerId", ids.get("ana")));
        assertThat(cycle.status()).as("Cai would report to Ana, who reports to Cai: %s", cycle.body()).isEqualTo(422);
        assertThat(cycle.body().get("code").asText()).isEqualTo("manager_cycle");
        assertThat(send("PATCH", "/api/members/" + ids.get("ben"), Map.of("managerId", ids.get("ana"))).status())
                .as("Ben no longer manages Ana: he may report to her").isEqualTo(200);
    }

    private Api.Response send(String method, String path, Object body) {
        return body == null ? http.send(method, path, null)
                : http.send(method, path, Api.json(body).getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
    }
}
