package com.memberdirectory.app.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.ServerProcess;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read-model file is derived data: deleted after a {@code kill -9}, or replaced by garbage, the service starts,
 * rebuilds the lists from the events exactly as they were, and the photos and files it acknowledged are still there
 * (they live with the events).
 */
class ReadModelLossTest {

    @Test
    void the_lists_are_rebuilt_and_photos_and_files_survive_a_deleted_or_damaged_read_model_file() throws Exception {
        Path data = Path.of("target", "read-model-loss", UUID.randomUUID().toString(), "data");
        Path readModels = data.resolve("readmodels.mv");
        byte[] photo = png();
        String memberId;
        JsonNode members;
        byte[] exported;
        try (ServerProcess first = new ServerProcess(data, "512m")) {
            Api api = first.api();
            String department = api.post("/api/departments", Map.of("name", "Read-model loss")).text("id");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(api.post("/api/members", Map.of("name", "Kept " + i, "workEmail", "kept" + i + "@example.com",
                        "departmentIds", List.of(department))).text("id"));
            }
            memberId = ids.get(0);
            assertThat(api.putBytes("/api/members/" + memberId + "/photo", photo, "image/png").status()).isEqualTo(204);
            String exportId = api.post("/api/exports", Map.of("selection", "SELECTED", "memberIds", ids)).text("id");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "SUCCEEDED".equals(api.get("/api/exports/" + exportId).text("status")));
            exported = api.get("/api/exports/" + exportId + "/file").raw();
            members = api.get("/api/members?size=100").body();
            // Nothing is flushed or checkpointed: what was acknowledged must already be on disk.
            first.kill();
        }
        Files.delete(readModels);

        try (ServerProcess second = new ServerProcess(data, "512m")) {
            Api api = second.api();
            awaitList(api, members);
            assertThat(api.get("/api/members/" + memberId + "/photo").raw()).isEqualTo(photo);
        }
        assertThat(storedFileDigests(data)).as("the export's file is still stored").contains(sha256(exported));

        byte[] garbage = new byte[100_000];
        new Random(1).nextBytes(garbage);
        Files.write(readModels, garbage);
        try (ServerProcess third = new ServerProcess(data, "512m")) {
            Api api = third.api();
            awaitList(api, members);
            assertThat(api.get("/api/members/" + memberId + "/photo").raw()).isEqualTo(photo);
        }
        assertThat(Files.readString(data.resolveSibling(data.getFileName() + ".log")))
                .contains("WARN").contains("The read-model file " + readModels.toAbsolutePath().normalize() + " cannot be read");
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("readmodels.mv.damaged-"));
        }
    }

    /**
     * Waits (bounded) for the rebuilt list to equal the one before. Not at once: the service was seen to answer
     * healthy before its projections had replayed the events into an empty read-model store.
     */
    private static void awaitList(Api api, JsonNode expected) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(api.get("/api/members?size=100").body()).as("rebuilt from the events")
                        .isEqualTo(expected));
    }

    /** The digests of the files in the event store's database, read after the service stopped. */
    private static List<String> storedFileDigests(Path data) throws Exception {
        JDBCDataSource hsqldb = new JDBCDataSource();
        hsqldb.setUrl("jdbc:hsqldb:file:" + data.resolve("events").resolve("directory") + ";hsqldb.lock_file=false");
        hsqldb.setUser("SA");
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(hsqldb.getConnection(), true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            List<String> digests = jdbc.queryForList("SELECT sha256 FROM directory_files", String.class);
            jdbc.execute("SHUTDOWN");
            return digests;
        } finally {
            dataSource.destroy();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
