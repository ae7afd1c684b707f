package com.memberdirectory.app.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.MemberDirectoryApplication;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps everything across a restart on the same data folder. */
class RestartTest {

    private final Path data = Path.of("target", "restart-data", UUID.randomUUID().toString());

    @Test
    void members_versions_lists_and_uniqueness_survive_a_restart() {
        String memberId;
        String email;
        String department;
        JsonNode before;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            department = api.post("/api/departments", Map.of("name", "Sales")).text("id");
            email = "restart-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
            memberId = api.post("/api/members", Map.of("name", "Before", "workEmail", email,
                    "departmentIds", List.of(department))).text("id");
            before = api.patch("/api/members/" + memberId, Map.of("name", "After", "city", "Oslo")).body();
        }
        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            Api.Response member = api.get("/api/members/" + memberId);
            assertThat(member.body()).isEqualTo(before);
            assertThat(member.header("ETag")).isEqualTo("\"" + before.get("version").asLong() + "\"");
            assertThat(api.get("/api/members?q=After").body().get("total").asInt()).isEqualTo(1);
            Api.Response duplicate = api.post("/api/members", Map.of("name", "Twin", "workEmail", email,
                    "departmentIds", List.of(department)));
            assertThat(duplicate.status()).as("claims survive the restart").isEqualTo(409);
            assertThat(api.patch("/api/members/" + memberId, Map.of("city", "Bergen"), "If-Match",
                    "\"" + before.get("version").asLong() + "\"").status()).isEqualTo(200);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(MemberDirectoryApplication.class).run(
                "--server.port=0",
                "--directory.embedded-store.path=" + data,
                "--directory.security.jwt-secret=" + Tokens.SECRET,
                "--directory.security.primary-admin=admin",
                "--logging.level.d.b.mongo=WARN");
    }

    private static Api api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Api(port, Tokens.valid("admin"));
    }
}
