package com.memberdirectory.app.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.ServerProcess;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two service processes share one MongoDB store (the in-process stand-in, so without transactions), as two instances
 * behind a balancer would. An import uploaded to one of them runs much longer than the token store's claim timeout,
 * while the other instance keeps trying to claim the {@code imports} segment every half second. The import must still
 * run exactly once: one run, every row applied once, and only one instance running it.
 */
class ScaledOutImportTest {

    static final int ROWS = 2_000;
    /** Small, so that the run below lasts many claim timeouts; the smallest value docs/storage.md advises. */
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(3);

    private MongoServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.shutdownNow();
        }
    }

    @Test
    void an_import_runs_once_although_two_instances_share_the_store() throws Exception {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        Path base = Path.of("target", "scaled-out", UUID.randomUUID().toString()).toAbsolutePath();
        try (ServerProcess first = new ServerProcess(launch(base, "first", address));
             ServerProcess second = new ServerProcess(launch(base, "second", address))) {
            Api api = first.api();
            List<String> ids = ImportCrashResumeTest.members(api, "Scaled", ROWS,
                    i -> Map.of("name", "Row " + i, "workEmail", "scaled" + i + "@example.com"));
            Api.Response queued = api.upload("/api/imports", "cities.xlsx", ImportCrashResumeTest.cities(ids));
            assertThat(queued.status()).isEqualTo(202);
            String importId = queued.text("id");

            await().atMost(Duration.ofMinutes(5)).until(() -> List.of("SUCCEEDED", "PARTIALLY_FAILED", "FAILED")
                    .contains(api.get("/api/imports/" + importId).text("status")));
            JsonNode done = api.get("/api/imports/" + importId).body();
            Duration run = Duration.between(Instant.parse(done.get("startedAt").asText()),
                    Instant.parse(done.get("finishedAt").asText()));
            // Not a speed requirement: below this, the other instance had no chance to claim the segment, and the
            // test would prove nothing (import more rows then).
            assertThat(run).as("the run outlasted the claim timeout several times over")
                    .isGreaterThan(CLAIM_TIMEOUT.multipliedBy(3));

            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
            assertThat(done.get("runs").asInt()).as("started once, never a second time by the other instance")
                    .isEqualTo(1);
            assertThat(done.get("changedRows").asInt()).isEqualTo(ROWS);
            assertThat(done.get("unchangedRows").asInt()).isZero();
            assertThat(done.get("failedRows").asInt()).isZero();
            for (ServerProcess instance : List.of(first, second)) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(instance.api().get(
                        "/api/audit?field=city&source=IMPORT:" + importId + "&size=1").body().get("total").asInt())
                        .as("one city change per row, none twice").isEqualTo(ROWS));
            }
            for (String id : List.of(ids.get(0), ids.get(ROWS / 2), ids.get(ROWS - 1))) {
                assertThat(second.api().get("/api/members/" + id).text("city")).isEqualTo("City " + id);
            }

            List<String> runsLogged = new ArrayList<>();
            for (String name : List.of("first", "second")) {
                for (String line : Files.readAllLines(log(base, name))) {
                    if (line.contains("Running import " + importId)) {
                        runsLogged.add(name);
                    }
                    assertThat(line).as(name + "'s log").doesNotContain("UnableToClaimTokenException");
                }
            }
            assertThat(runsLogged).as("the instances that ran the import").hasSize(1);
        }
    }

    private static ServerProcess.Launch launch(Path base, String name, InetSocketAddress address) throws IOException {
        return new ServerProcess.Launch(base.resolve(name), "512m").withLog(log(base, name)).withProperties(List.of(
                "--spring.data.mongodb.uri=mongodb://" + address.getHostString() + ":" + address.getPort() + "/directory",
                "--directory.mongo.transactions=false",
                "--directory.mongo.claim-timeout=" + CLAIM_TIMEOUT,
                // the instance without the segment tries to claim it every half second (Axon's default: 5 s)
                "--axon.eventhandling.processors.imports.token-claim-interval=500",
                // each instance's own search index and indexes of member versions and of the change list
                "--directory.search.path=" + base.resolve(name + "-search"),
                // the stand-in does not answer the health check's "hello" command (a real MongoDB does)
                "--management.health.mongo.enabled=false",
                "--logging.level.com.memberdirectory.command.importing=INFO"));
    }

    private static Path log(Path base, String name) {
        return base.resolve(name + ".log");
    }
}
