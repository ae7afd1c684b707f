package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.testsupport.Api;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * An exported workbook, edited and saved again by a real spreadsheet program (LibreOffice Calc, headless),
 * imports as expected. Skipped where LibreOffice is not installed; {@code .ci/run} installs it.
 */
class LibreOfficeRoundTripTest extends ApiTest {

    @Test
    void a_workbook_resaved_by_libreoffice_imports_its_changes() throws Exception {
        File soffice = new File("/usr/bin/soffice");
        assumeThat(soffice.canExecute()).as("LibreOffice (Debian package libreoffice-calc-nogui)").isTrue();
        String dept = department(unique("Calc"), null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(member(dept, Map.of("name", "Calc " + i, "phone", uniquePhone(),
                    "employmentDate", "2024-03-0" + (i + 1))).get("id").asText());
        }
        Api.Response started = admin.post("/api/exports", Map.of("selection", "SELECTED", "memberIds", ids));
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/exports/" + started.text("id")).text("status").equals("SUCCEEDED"));
        byte[] exported = admin.get("/api/exports/" + started.text("id") + "/file").raw();

        Path work = Files.createTempDirectory("calc");
        Path edited = work.resolve("members.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported)); OutputStream out = Files.newOutputStream(edited)) {
            Sheet sheet = workbook.getSheet("Members");
            Map<String, Integer> columns = new HashMap<>();
            for (Cell cell : sheet.getRow(0)) {
                columns.put(cell.getStringCellValue(), cell.getColumnIndex());
            }
            Row first = sheet.getRow(1);
            Cell city = first.getCell(columns.get("City"));
            if (city != null) {
                first.removeCell(city);
            }
            first.createCell(columns.get("City")).setCellValue("Resaved");
            workbook.write(out);
        }
        Path resaved = work.resolve("out");
        Process convert = new ProcessBuilder(soffice.getPath(), "--headless", "--norestore",
                "-env:UserInstallation=file://" + work.resolve("profile"), "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                "--outdir", resaved.toString(), edited.toString()).redirectErrorStream(true).start();
        assertThat(convert.waitFor(120, TimeUnit.SECONDS)).isTrue();
        byte[] calcFile = Files.readAllBytes(resaved.resolve("members.xlsx"));
        assertThat(calcFile).isNotEqualTo(exported);

        Api.Response queued = admin.upload("/api/imports", "members.xlsx", calcFile);
        assertThat(queued.status()).as(String.valueOf(queued.body())).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> !List.of("QUEUED", "RUNNING")
                .contains(admin.get("/api/imports/" + queued.text("id")).text("status")));
        JsonNode done = admin.get("/api/imports/" + queued.text("id")).body();
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("changedRows").asInt()).isEqualTo(1);
        assertThat(done.get("unchangedRows").asInt()).as("dates, phones and the rest read back as exported").isEqualTo(2);
        assertThat(ids.stream().map(id -> admin.get("/api/members/" + id).text("city")).toList())
                .containsOnlyOnce("Resaved");
    }
}
