package com.memberdirectory.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.ServerProcess;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No acknowledged write is lost on {@code kill -9}, and no projection misses an event: the service runs as a child
 * process on a fresh folder, 8 clients create and edit members, the process is killed with SIGKILL mid-load and
 * restarted on the same folder ({@code durability.cycles} times, default 1). Then every acknowledged write must be
 * there (GET shows at least the acknowledged version, and so does the event store), and once the member list has
 * caught up it must hold exactly the members of the event store, each at its aggregate's version.
 */
class KillNineDurabilityTest {

    private static final int CYCLES = Integer.getInteger("durability.cycles", 1);
    private static final int CLIENTS = 8;
    private static final long LOAD_MILLIS = Long.getLong("durability.load-millis", 4_000);

    /** Member id to the highest version acknowledged to a client (from the ETag of a 201 or 200). */
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    @Test
    void acknowledgedWritesSurviveKillNineAndProjectionsCatchUp() throws Exception {
        Path root = Path.of("target", "kill-nine").toAbsolutePath();
        FileSystemUtils.deleteRecursively(root);
        Path data = root.resolve("data");
        ServerProcess.Launch launch = BenchSupport.launch(data, root.resolve("server.log"), "512m");

        String departmentId = null;
        int acknowledgedBeforeKill = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            ServerProcess server = new ServerProcess(launch);
            try {
                Api client = server.api();
                if (departmentId == null) {
                    Api.Response department = client.post("/api/departments", Map.of("name", "Durability"));
                    assertThat(department.status()).isEqualTo(201);
                    departmentId = department.body().get("id").asText();
                }
                AtomicBoolean running = new AtomicBoolean(true);
                List<Thread> writers = new ArrayList<>();
                for (int t = 0; t < CLIENTS; t++) {
                    String department = departmentId;
                    Thread writer = new Thread(() -> write(client, department, running), "writer-" + t);
                    writers.add(writer);
                    writer.start();
                }
                Thread.sleep(LOAD_MILLIS);
                server.kill(); // SIGKILL while the writers are busy
                running.set(false);
                for (Thread writer : writers) {
                    writer.join();
                }
                acknowledgedBeforeKill = acknowledged.size();
            } finally {
                server.close();
            }
        }
        assertThat(acknowledgedBeforeKill).as("members acknowledged before the kill").isGreaterThan(0);

        ServerProcess server = new ServerProcess(launch);
        Map<String, Long> listed = new HashMap<>();
        try {
            Api client = server.api();
            // A write after the restart: read-your-writes returns once the member projection has processed it,
            // i.e. every event before it, too.
            Api.Response barrier = client.post("/api/members", member("Barrier", "barrier", departmentId));
            assertThat(barrier.status()).isEqualTo(201);
            acknowledged.put(barrier.body().get("id").asText(), barrier.etagVersion());

            for (Map.Entry<String, Long> write : acknowledged.entrySet()) {
                Api.Response member = client.get("/api/members/" + write.getKey());
                assertThat(member.status()).as("GET of acknowledged member %s", write.getKey()).isEqualTo(200);
                assertThat(member.etagVersion()).as("version of acknowledged member %s", write.getKey())
                        .isGreaterThanOrEqualTo(write.getValue());
            }
            for (int page = 0; ; page++) {
                JsonNode body = client.get("/api/members?size=500&page=" + page).body();
                for (JsonNode item : body.get("items")) {
                    listed.put(item.get("id").asText(), item.get("version").asLong());
                }
                if (body.get("items").size() < 500) {
                    assertThat(listed).hasSize(body.get("total").asInt());
                    break;
                }
            }
            server.stop();
        } finally {
            server.close();
        }

        Map<String, Long> stored = StoreInspection.memberVersions(data);
        acknowledged.forEach((id, version) -> assertThat(stored.get(id))
                .as("event store version of acknowledged member %s", id).isNotNull().isGreaterThanOrEqualTo(version));
        assertThat(listed).as("member list after catch-up vs. event store").isEqualTo(stored);
        System.out.printf("kill -9 durability: %d cycle(s), %d members acknowledged, %d in the event store, all listed"
                + " at their aggregate version%n", CYCLES, acknowledged.size(), stored.size());
    }

    private void write(Api client, String departmentId, AtomicBoolean running) {
        while (running.get()) {
            int n = sequence.incrementAndGet();
            try {
                Api.Response created = client.post("/api/members", member("Durable " + n, "durable" + n, departmentId));
                if (created.status() != 201) {
                    throw new IllegalStateException("create: " + created.status() + " " + created.body());
                }
                String id = created.body().get("id").asText();
                acknowledged.merge(id, created.etagVersion(), Math::max);
                Api.Response edited = client.patch("/api/members/" + id, Map.of("name", "Durable " + n + " edited"));
                if (edited.status() != 200) {
                    throw new IllegalStateException("edit: " + edited.status() + " " + edited.body());
                }
                acknowledged.merge(id, edited.etagVersion(), Math::max);
            } catch (UncheckedIOException killed) {
                return; // the service is gone; whatever was not acknowledged may or may not be there
            }
        }
    }

    private static Map<String, Object> member(String name, String emailLocalPart, String departmentId) {
        return Map.of("name", name, "workEmail", emailLocalPart + "@durability.example", "departmentIds", List.of(departmentId));
    }
}
