package com.memberdirectory.app.storage;

import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.ServerProcess;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An export answered 202 and then ended by {@code kill -9} before it could finish is still there after the restart
 * (its acceptance was on disk before the answer), runs again and succeeds; a new export works too.
 */
class ExportCrashTest {

    private static final int MEMBERS = 20;

    @Test
    void an_export_killed_right_after_its_acceptance_runs_again_after_the_restart() throws Exception {
        Path data = Path.of("target", "export-crash", UUID.randomUUID().toString(), "data");
        List<String> ids = new ArrayList<>();
        String exportId;
        try (ServerProcess first = new ServerProcess(data, "512m")) {
            Api api = first.api();
            String department = api.post("/api/departments", Map.of("name", "Export crash")).text("id");
            for (int i = 0; i < MEMBERS; i++) {
                ids.add(api.post("/api/members", Map.of("name", "Exported " + i, "workEmail", "exported" + i + "@example.com",
                        "departmentIds", List.of(department))).text("id"));
            }
            Api.Response accepted = api.post("/api/exports", Map.of("selection", "SELECTED", "memberIds", ids, "fileName", "crash"));
            assertThat(accepted.status()).isEqualTo(202);
            exportId = accepted.text("id");
            // At once: the first export of a process loads the workbook classes, far slower than this.
            first.kill();
        }
        try (ServerProcess second = new ServerProcess(data, "512m")) {
            Api api = second.api();
            assertThat(api.get("/api/exports/" + exportId).status()).as("the accepted export survived the crash").isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !"RUNNING".equals(api.get("/api/exports/" + exportId).text("status")));
            Api.Response done = api.get("/api/exports/" + exportId);
            assertThat(done.text("status")).as(done.body().toString()).isEqualTo("SUCCEEDED");
            assertThat(exportedIds(api.get("/api/exports/" + exportId + "/file").raw())).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(Files.readString(data.resolveSibling(data.getFileName() + ".log")))
                    .as("it was interrupted and ran again").contains("Export " + exportId + " was interrupted by a restart; running it again");

            Api.Response again = api.post("/api/exports", Map.of("selection", "SELECTED", "memberIds", ids.subList(0, 3)));
            assertThat(again.status()).isEqualTo(202);
            String next = again.text("id");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !"RUNNING".equals(api.get("/api/exports/" + next).text("status")));
            assertThat(api.get("/api/exports/" + next).text("status")).isEqualTo("SUCCEEDED");
            assertThat(exportedIds(api.get("/api/exports/" + next + "/file").raw())).containsExactlyInAnyOrderElementsOf(ids.subList(0, 3));
        }
    }

    private static List<String> exportedIds(byte[] workbook) throws Exception {
        List<String> ids = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheet("Members");
            int column = -1;
            for (var cell : sheet.getRow(0)) {
                if ("Member ID".equals(cell.getStringCellValue())) {
                    column = cell.getColumnIndex();
                }
            }
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    ids.add(row.getCell(column).getStringCellValue());
                }
            }
        }
        return ids;
    }
}
