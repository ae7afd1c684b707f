package com.memberdirectory.app.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.ServerProcess;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An import interrupted by {@code kill -9} is found again after the restart and finished: every row applied
 * exactly once, none lost.
 */
class ImportCrashResumeTest {

    static final int ROWS = 1_500;

    @Test
    void an_import_killed_midway_finishes_after_the_restart_without_applying_a_row_twice() throws Exception {
        Path data = Path.of("target", "import-crash", UUID.randomUUID().toString(), "data");
        List<String> ids;
        String importId;
        try (ServerProcess first = new ServerProcess(data, "512m")) {
            Api api = first.api();
            ids = members(api, "Crash", i -> Map.of("name", "Row " + i, "workEmail", "crash" + i + "@example.com"));
            Api.Response queued = api.upload("/api/imports", "cities.xlsx", cities(ids));
            assertThat(queued.status()).isEqualTo(202);
            importId = queued.text("id");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !"QUEUED".equals(api.get("/api/imports/" + importId).text("status")));
            first.kill();
        }
        try (ServerProcess second = new ServerProcess(data, "512m")) {
            Api api = second.api();
            await().atMost(Duration.ofMinutes(2)).until(() -> List.of("SUCCEEDED", "PARTIALLY_FAILED", "FAILED")
                    .contains(api.get("/api/imports/" + importId).text("status")));
            JsonNode done = api.get("/api/imports/" + importId).body();
            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
            assertThat(done.get("runs").asInt()).as("the run was interrupted and resumed").isEqualTo(2);
            assertThat(done.get("changedRows").asInt()).isEqualTo(ROWS);
            assertThat(done.get("failedRows").asInt()).isZero();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.get("/api/audit?field=city&source=IMPORT:"
                    + importId + "&size=1").body().get("total").asInt()).as("one city change per row, none twice").isEqualTo(ROWS));
            for (String id : List.of(ids.get(0), ids.get(ROWS / 2), ids.get(ROWS - 1))) {
                assertThat(api.get("/api/members/" + id).text("city")).isEqualTo("City " + id);
            }
        }
    }

    /** {@link #ROWS} new members of a new department, created by 8 clients at once; answers their ids in order. */
    static List<String> members(Api api, String departmentName, java.util.function.IntFunction<Map<String, Object>> fields)
            throws Exception {
        return members(api, departmentName, ROWS, fields);
    }

    /** {@code count} new members of a new department, created by 8 clients at once; answers their ids in order. */
    static List<String> members(Api api, String departmentName, int count,
                                java.util.function.IntFunction<Map<String, Object>> fields) throws Exception {
        String department = api.post("/api/departments", Map.of("name", departmentName)).text("id");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> created = IntStream.range(0, count).mapToObj(i -> clients.submit(() -> {
                Map<String, Object> body = new java.util.HashMap<>(fields.apply(i));
                body.put("departmentIds", List.of(department));
                return api.post("/api/members", body).text("id");
            })).toList();
            List<String> ids = new java.util.ArrayList<>();
            for (Future<String> id : created) {
                ids.add(id.get());
            }
            return ids;
        } finally {
            clients.shutdownNow();
        }
    }

    /** A workbook setting each member's city to {@code City <member id>}. */
    static byte[] cities(List<String> ids) throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Members");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Member ID");
            header.createCell(1).setCellValue("City");
            for (int i = 0; i < ids.size(); i++) {
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(ids.get(i));
                row.createCell(1).setCellValue("City " + ids.get(i));
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        }
    }
}
