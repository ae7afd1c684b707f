package com.memberdirectory.app.http;

import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.ServerProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounds of the expensive reads, on a service started with small ones (the defaults need 100,000 members or
 * changes): the member list as it was and the change-list workbook are refused with 422 {@code too_large} naming
 * the limit, and answer as before within it.
 */
class ReadLimitsProcessTest {

    @Test
    void reads_over_their_documented_size_are_refused_and_within_it_answered() throws Exception {
        Path data = Path.of("target", "read-limits", UUID.randomUUID().toString(), "data");
        try (ServerProcess server = new ServerProcess(data, "512m", List.of("--directory.reads.as-of-max-members=3",
                "--directory.reads.change-list-export-max-rows=3"))) {
            Api api = server.api();
            String department = api.post("/api/departments", Map.of("name", "Limits")).text("id");
            for (int i = 0; i < 3; i++) {
                api.post("/api/members", Map.of("name", "Early " + i, "workEmail", "early" + i + "@example.com",
                        "departmentIds", List.of(department)));
            }
            Instant threeMembers = Instant.now();
            Thread.sleep(10); // the next member is created strictly after that instant
            api.post("/api/members", Map.of("name", "Late", "workEmail", "late@example.com", "departmentIds", List.of(department)));

            Api.Response then = api.get("/api/members?asOf=" + threeMembers);
            assertThat(then.status()).as(String.valueOf(then.body())).isEqualTo(200);
            assertThat(then.body().get("total").asInt()).isEqualTo(3);
            Api.Response now = api.get("/api/members?asOf=" + Instant.now());
            assertThat(now.status()).isEqualTo(422);
            assertThat(now.code()).isEqualTo("too_large");
            assertThat(now.body().get("detail").asText()).contains("more than 3 members");

            Api.Response fewChanges = api.get("/api/audit/export?to=" + threeMembers);
            assertThat(fewChanges.status()).isEqualTo(200);
            Api.Response allChanges = api.get("/api/audit/export");
            assertThat(allChanges.status()).isEqualTo(422);
            assertThat(allChanges.code()).isEqualTo("too_large");
            assertThat(allChanges.body().get("detail").asText()).contains("select 4 changes").contains("at most 3");
        }
    }
}
