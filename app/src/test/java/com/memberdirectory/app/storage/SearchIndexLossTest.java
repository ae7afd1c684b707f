package com.memberdirectory.app.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.ServerProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search index is derived data of this instance. Behind its last commit after a {@code kill -9}, deleted, or
 * damaged, the service starts and answers every list and search as before: from the index once it has caught up,
 * and meanwhile from the member list.
 */
class SearchIndexLossTest {

    private static final List<String> LISTS = List.of("/api/members?size=100", "/api/members?size=100&q=ZOE",
            "/api/members?size=100&q=38001", "/api/members?size=3&page=1", "/api/members?size=100&q=renamed");

    @Test
    void lists_and_searches_are_the_same_after_a_crash_a_lost_index_and_a_damaged_one() throws Exception {
        Path data = Path.of("target", "search-index-loss", UUID.randomUUID().toString(), "data");
        Path index = data.resolve("search");
        Map<String, JsonNode> before;
        try (ServerProcess first = new ServerProcess(data, "512m")) {
            Api api = first.api();
            String department = api.post("/api/departments", Map.of("name", "Search loss")).text("id");
            for (int i = 0; i < 12; i++) {
                String id = api.post("/api/members", Map.of("name", (i % 2 == 0 ? "Zoë " : "Élodie ") + i,
                        "workEmail", "loss" + i + "@example.com", "phone", "+86138001380" + String.format("%02d", i),
                        "departmentIds", List.of(department))).text("id");
                if (i % 3 == 0) {
                    assertThat(api.patch("/api/members/" + id, Map.of("alias", "renamed " + i)).status()).isEqualTo(200);
                }
            }
            before = lists(api);
            // right after the last acknowledged change: the index has not committed it yet
            first.kill();
        }
        assertThat(before.get("/api/members?size=100&q=ZOE").get("total").asInt()).isEqualTo(6);

        try (ServerProcess second = new ServerProcess(data, "512m")) {
            awaitLists(second.api(), before);
            second.kill();
        }

        deleteRecursively(index);
        try (ServerProcess third = new ServerProcess(data, "512m")) {
            awaitLists(third.api(), before);
            third.kill();
        }

        try (Stream<Path> files = Files.list(index)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(file, new byte[]{0x3f, 0x6c, 0x17, 0x01, 0x02, 0x03});
            }
        }
        try (ServerProcess fourth = new ServerProcess(data, "512m")) {
            awaitLists(fourth.api(), before);
        }
        assertThat(Files.readString(data.resolveSibling(data.getFileName() + ".log")))
                .contains("The member search index in " + index.toAbsolutePath().normalize() + " cannot be read");
    }

    private static Map<String, JsonNode> lists(Api api) {
        Map<String, JsonNode> answers = new java.util.HashMap<>();
        LISTS.forEach(path -> answers.put(path, api.get(path).body()));
        return answers;
    }

    /** Bounded: right after a start the answers may come from a list still being rebuilt. */
    private static void awaitLists(Api api, Map<String, JsonNode> expected) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(lists(api)).isEqualTo(expected));
    }

    private static void deleteRecursively(Path folder) throws java.io.IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
