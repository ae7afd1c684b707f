package com.memberdirectory.app.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.ServerProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The undo of an import (docs/undo.md) interrupted by {@code kill -9} is found again after the restart and finished:
 * every member set back exactly once, none left, and it stays the one undo of its import.
 */
class UndoCrashResumeTest {

    private static final int ROWS = ImportCrashResumeTest.ROWS;

    @Test
    void an_undo_killed_midway_finishes_after_the_restart_without_setting_a_member_back_twice() throws Exception {
        Path data = Path.of("target", "undo-crash", UUID.randomUUID().toString(), "data");
        List<String> ids = new ArrayList<>();
        String importId;
        String undoId;
        try (ServerProcess first = new ServerProcess(data, "512m")) {
            Api api = first.api();
            ids.addAll(ImportCrashResumeTest.members(api, "UndoCrash", i -> Map.of("name", "Row " + i,
                    "workEmail", "undo" + i + "@example.com", "city", "Home " + i)));
            Api.Response queued = api.upload("/api/imports", "cities.xlsx", ImportCrashResumeTest.cities(ids));
            assertThat(queued.status()).isEqualTo(202);
            importId = queued.text("id");
            await().atMost(Duration.ofMinutes(2)).until(() -> "SUCCEEDED".equals(api.get("/api/imports/" + importId).text("status")));
            Api.Response undo = api.post("/api/imports/" + importId + "/undo", Map.of());
            assertThat(undo.status()).isEqualTo(202);
            undoId = undo.text("id");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !"QUEUED".equals(api.get("/api/imports/" + undoId).text("status")));
            first.kill();
        }
        try (ServerProcess second = new ServerProcess(data, "512m")) {
            Api api = second.api();
            await().atMost(Duration.ofMinutes(2)).until(() -> List.of("SUCCEEDED", "PARTIALLY_FAILED", "FAILED")
                    .contains(api.get("/api/imports/" + undoId).text("status")));
            JsonNode done = api.get("/api/imports/" + undoId).body();
            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
            assertThat(done.get("runs").asInt()).as("the run was interrupted and resumed").isEqualTo(2);
            assertThat(done.get("changedRows").asInt()).isEqualTo(ROWS);
            assertThat(done.get("failedRows").asInt()).isZero();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.get("/api/audit?field=city&source=UNDO:"
                    + importId + "&size=1").body().get("total").asInt()).as("one city change per member, none twice").isEqualTo(ROWS));
            for (int i : List.of(0, ROWS / 2, ROWS - 1)) {
                assertThat(api.get("/api/members/" + ids.get(i)).text("city")).isEqualTo("Home " + i);
            }
            Api.Response again = api.post("/api/imports/" + importId + "/undo", Map.of());
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.code()).isEqualTo("already_undone");
        }
    }
}
