package com.memberdirectory.app.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.ServerProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replay running at {@code kill -9} is FAILED with a message once the service is up again (its half-built
 * collections dropped, the read model as it was), and a new replay rebuilds it as usual — the member list, and
 * the departments for the read models of the other processor, and the index of member versions, rebuilt in place by
 * its own processor.
 */
class ReplayCrashTest {

    @ParameterizedTest
    @ValueSource(strings = {"members", "departments", "asof"})
    void a_replay_killed_while_running_is_failed_after_the_restart_and_a_new_one_works(String readModel) throws Exception {
        Path data = Path.of("target", "replay-crash", UUID.randomUUID().toString(), "data");
        String member;
        String departmentId;
        String replayId;
        try (ServerProcess first = new ServerProcess(data, "512m")) {
            Api api = first.api();
            String department = api.post("/api/departments", Map.of("name", "Replay crash")).text("id");
            departmentId = department;
            member = api.post("/api/members", Map.of("name", "Replayed", "workEmail", "replayed@example.com",
                    "departmentIds", List.of(department))).text("id");
            api.patch("/api/members/" + member, Map.of("city", "Rome"));
            Api.Response accepted = api.post("/api/admin/replays", Map.of("projection", readModel));
            assertThat(accepted.status()).isEqualTo(202);
            replayId = accepted.text("id");
            first.kill();
        }
        try (ServerProcess second = new ServerProcess(data, "512m")) {
            Api api = second.api();
            assertThat(api.get("/api/admin/replays/" + replayId).status()).as("the accepted replay survived the crash").isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !"RUNNING".equals(api.get("/api/admin/replays/" + replayId).text("status")));
            JsonNode interrupted = api.get("/api/admin/replays/" + replayId).body();
            assertThat(interrupted.get("status").asText()).as(interrupted.toString()).isEqualTo("FAILED");
            assertThat(interrupted.get("message").asText()).contains("interrupted by a restart");
            assertThat(interrupted.get("finishedAt").isNull()).isFalse();
            assertThat(Files.readString(data.resolveSibling(data.getFileName() + ".log")))
                    .contains("Replay " + replayId + " was interrupted by a restart; marked FAILED");
            assertThat(api.get("/api/members/" + member).text("city")).isEqualTo("Rome");
            assertThat(api.get("/api/departments").body().get("items").toString()).contains(departmentId, "Replay crash");

            String next = api.post("/api/admin/replays", Map.of("projection", readModel)).text("id");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !"RUNNING".equals(api.get("/api/admin/replays/" + next).text("status")));
            JsonNode done = api.get("/api/admin/replays/" + next).body();
            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
            assertThat(done.get("equal").asBoolean()).isTrue();
            assertThat(done.get("documents").asLong()).isEqualTo(1);
            assertThat(api.patch("/api/members/" + member, Map.of("city", "Milan")).text("city"))
                    .as("the live projections run").isEqualTo("Milan");
            assertThat(api.post("/api/departments", Map.of("name", "After the crash")).status()).isEqualTo(201);
        }
    }
}
