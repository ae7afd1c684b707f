package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.Tokens;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ImportExportApiTest extends ApiTest {

    @Test
    void exporting_needs_a_recent_sign_in() {
        Api stale = new Api(port, Tokens.signedInLongAgo("admin"));
        Api.Response refused = stale.post("/api/exports", Map.of("selection", "WITHOUT_LOGIN_PASSWORD"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("identity_verification_required");
    }

    @Test
    void export_edit_and_import_back_with_an_error_report_history_and_idempotence() throws IOException {
        String dept = department(unique("Imp"), null);
        String other = department(unique("Other"), null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(member(dept, Map.of("name", "Row " + i)).get("id").asText());
        }
        String managerUserId = admin.get("/api/members/" + ids.get(3)).body().get("userId").asText();
        byte[] exported = export(ids);
        Map<String, Integer> columns;
        byte[] edited;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet sheet = workbook.getSheet("Members");
            columns = header(sheet.getRow(0));
            assertThat(columns).containsKeys("Member ID", "User ID", "Name", "Work email", "Phone number", "Department",
                    "Job title", "Workforce type", "Login email type", "Version");
            assertThat(sheet.isColumnHidden(columns.get("Version"))).isTrue();
            assertThat(sheet.getDataValidations()).as("drop-down of the workforce type").isNotEmpty();
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                String name = row.getCell(columns.get("Name")).getStringCellValue();
                switch (name) {
                    case "Row 0" -> {
                        cell(row, columns.get("City")).setCellValue("Lisbon");
                        cell(row, columns.get("Direct manager")).setCellValue(managerUserId);
                    }
                    case "Row 1" -> cell(row, columns.get("Name")).setCellValue("   ");
                    case "Row 2" -> {
                        cell(row, columns.get("Phone number")).setCellValue(Double.parseDouble(uniquePhone().substring(3))); // a numeric cell
                        cell(row, columns.get("Department")).setCellValue(workbook.getCreationHelper().createRichTextString(
                                pathOf(dept) + "; " + pathOf(other)).getString());
                    }
                    default -> { }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            edited = out.toByteArray();
        }

        JsonNode dry = importAndWait(edited, true);
        assertThat(dry.get("changedRows").asInt()).isEqualTo(2);
        assertThat(dry.get("failedRows").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/members/" + ids.get(0)).body().get("city").isNull()).as("a dry run applies nothing").isTrue();
        Api.Response previewFile = admin.get(dry.get("previewUrl").asText());
        assertThat(previewFile.status()).isEqualTo(200);
        try (XSSFWorkbook preview = new XSSFWorkbook(new ByteArrayInputStream(previewFile.raw()))) {
            Sheet sheet = preview.getSheet("Members");
            Map<String, Integer> previewColumns = header(sheet.getRow(0));
            Map<String, String> changesByName = new java.util.HashMap<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    changesByName.put(text(row, previewColumns.get("Name")), text(row, previewColumns.get("Changes")));
                }
            }
            assertThat(changesByName.get("Row 0")).as("managers are shown by user ID, as in the workbook")
                    .contains("Lisbon").contains(managerUserId).doesNotContain(ids.get(3));
            assertThat(changesByName.get("Row 2")).as("departments are shown by path, as in the workbook")
                    .contains(pathOf(dept) + " → " + pathOf(dept) + "; " + pathOf(other)).doesNotContain(dept);
        }

        JsonNode done = importAndWait(edited, false);
        assertThat(done.get("status").asText()).isEqualTo("PARTIALLY_FAILED");
        assertThat(done.get("totalRows").asInt()).isEqualTo(4);
        assertThat(done.get("changedRows").asInt()).isEqualTo(2);
        assertThat(done.get("unchangedRows").asInt()).isEqualTo(1);
        assertThat(done.get("failedRows").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/members/" + ids.get(0)).body().get("city").asText()).isEqualTo("Lisbon");
        assertThat(admin.get("/api/members/" + ids.get(2)).body().get("departmentIds")).hasSize(2);
        assertThat(admin.get("/api/members/" + ids.get(1)).body().get("name").asText()).isEqualTo("Row 1");
        JsonNode history = admin.get("/api/members/" + ids.get(0) + "/history").body().get("items");
        assertThat(history.get(history.size() - 1).get("source").asText()).isEqualTo("IMPORT:" + done.get("id").asText());

        Api.Response report = admin.get(done.get("errorReportUrl").asText());
        try (XSSFWorkbook errors = new XSSFWorkbook(new ByteArrayInputStream(report.raw()))) {
            Sheet sheet = errors.getSheet("Members");
            Map<String, Integer> reportColumns = header(sheet.getRow(0));
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(text(sheet.getRow(1), reportColumns.get("Member ID"))).isEqualTo(ids.get(1));
            assertThat(text(sheet.getRow(1), reportColumns.get("Errors"))).contains("Name");
        }
        JsonNode again = importAndWait(edited, false);
        assertThat(again.get("changedRows").asInt()).as("importing the same file twice is harmless").isZero();
        assertThat(again.get("unchangedRows").asInt()).isEqualTo(3);

        Api.Response mine = admin.get("/api/imports");
        assertThat(mine.body().get("items").size()).isLessThanOrEqualTo(10);
        assertThat(mine.body().get("items").get(0).get("id").asText()).isEqualTo(again.get("id").asText());
        String otherAdmin = unique("other-admin-");
        admin.put("/api/admins/" + otherAdmin, Map.of("permissions", List.of("MEMBER_AND_DEPARTMENT")));
        assertThat(as(otherAdmin).get("/api/imports/" + done.get("id").asText()).status()).isEqualTo(404);
        assertThat(as(otherAdmin).get("/api/imports").body().get("items")).isEmpty();
    }

    @Test
    void a_stale_row_is_a_conflict_and_business_email_logins_get_a_password_file_once() throws IOException {
        String dept = department(unique("Pw"), null);
        String id = member(dept, Map.of("businessEmail", unique("pw") + "@corp.example")).get("id").asText();
        String stale = member(dept, Map.of()).get("id").asText();
        byte[] exported = export(List.of(id, stale));
        admin.patch("/api/members/" + stale, Map.of("city", "Changed since the export"));
        byte[] edited;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet sheet = workbook.getSheet("Members");
            Map<String, Integer> columns = header(sheet.getRow(0));
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                if (text(row, columns.get("Member ID")).equals(id)) {
                    cell(row, columns.get("Login email type")).setCellValue("Business email");
                } else {
                    cell(row, columns.get("City")).setCellValue("Overwrite");
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            edited = out.toByteArray();
        }
        JsonNode done = importAndWait(edited, false);
        assertThat(done.get("failedRows").asInt()).as(errors(done)).isEqualTo(1);
        assertThat(admin.get("/api/members/" + stale).body().get("city").asText()).isEqualTo("Changed since the export");
        assertThat(admin.get("/api/members/" + id).body().get("hasLoginPassword").asBoolean()).isTrue();
        String passwordFile = done.get("passwordFileUrl").asText();
        Api.Response first = admin.get(passwordFile);
        assertThat(first.status()).isEqualTo(200);
        try (XSSFWorkbook passwords = new XSSFWorkbook(new ByteArrayInputStream(first.raw()))) {
            Row row = passwords.getSheetAt(0).getRow(1);
            assertThat(text(row, 0)).isEqualTo(id);
            assertThat(text(row, 4)).hasSize(16);
        }
        Api.Response second = admin.get(passwordFile);
        assertThat(second.status()).isEqualTo(410);
    }

    @Test
    void a_login_password_given_in_the_file_is_checked_used_and_never_written_back() throws IOException {
        String dept = department(unique("GivenPw"), null);
        String given = member(dept, Map.of("businessEmail", unique("given") + "@corp.example")).get("id").asText();
        String weak = member(dept, Map.of("businessEmail", unique("weak") + "@corp.example")).get("id").asText();
        String generated = member(dept, Map.of("businessEmail", unique("gen") + "@corp.example")).get("id").asText();
        byte[] exported = export(List.of(given, weak, generated));
        byte[] edited;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet sheet = workbook.getSheet("Members");
            Map<String, Integer> columns = header(sheet.getRow(0));
            assertThat(columns).as("the export has the import-only column").containsKey("Login password");
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                assertThat(text(row, columns.get("Login password"))).as("an export never fills it").isEmpty();
                String id = text(row, columns.get("Member ID"));
                cell(row, columns.get("Login email type")).setCellValue("Business email");
                if (id.equals(given)) {
                    cell(row, columns.get("Login password")).setCellValue("Given2024pw");
                } else if (id.equals(weak)) {
                    cell(row, columns.get("Login password")).setCellValue("weakpw");
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            edited = out.toByteArray();
        }

        JsonNode dry = importAndWait(edited, true);
        assertThat(dry.get("failedRows").asInt()).as(errors(dry)).isEqualTo(1);
        assertThat(admin.get("/api/members/" + given).body().get("hasLoginPassword").asBoolean()).as("a dry run sets nothing").isFalse();
        assertThat(readsAsWorkbook(dry.get("previewUrl").asText())).doesNotContain("Given2024pw");

        JsonNode done = importAndWait(edited, false);
        assertThat(done.get("failedRows").asInt()).as(errors(done)).isEqualTo(1);
        assertThat(admin.get("/api/members/" + given).body().get("hasLoginPassword").asBoolean()).isTrue();
        assertThat(admin.get("/api/members/" + given).body().get("loginEmailType").asText()).isEqualTo("BUSINESS_EMAIL");
        assertThat(admin.get("/api/members/" + generated).body().get("hasLoginPassword").asBoolean()).isTrue();
        assertThat(admin.get("/api/members/" + weak).body().get("hasLoginPassword").asBoolean()).as("a refused row changes nothing").isFalse();

        try (XSSFWorkbook report = new XSSFWorkbook(new ByteArrayInputStream(admin.get(done.get("errorReportUrl").asText()).raw()))) {
            Sheet sheet = report.getSheet("Members");
            Map<String, Integer> columns = header(sheet.getRow(0));
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            Row row = sheet.getRow(1);
            assertThat(text(row, columns.get("Member ID"))).isEqualTo(weak);
            assertThat(text(row, columns.get("Login password"))).as("the password is never written back").isEmpty();
            assertThat(text(row, columns.get("Errors"))).startsWith("Login password:").contains("at least 8 characters");
        }

        Api.Response passwordFile = admin.get(done.get("passwordFileUrl").asText());
        assertThat(passwordFile.status()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        try (XSSFWorkbook passwords = new XSSFWorkbook(new ByteArrayInputStream(passwordFile.raw()))) {
            for (Row row : passwords.getSheetAt(0)) {
                if (row.getRowNum() > 0) {
                    listed.add(text(row, 0));
                    assertThat(text(row, 4)).isNotEqualTo("Given2024pw");
                }
            }
        }
        assertThat(listed).as("only generated passwords are listed").containsExactly(generated);
    }

    /** Every cell of a stored workbook as text, for checking what it must not hold. */
    private String readsAsWorkbook(String url) throws IOException {
        StringBuilder all = new StringBuilder();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(admin.get(url).raw()))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    row.forEach(c -> all.append(new DataFormatter().formatCellValue(c)).append('\t'));
                    all.append('\n');
                }
            }
        }
        return all.toString();
    }

    @Test
    void files_that_are_not_importable_are_refused_at_once_and_change_nothing() throws IOException {
        Api.Response text = admin.upload("/api/imports", "notes.xlsx", "just text".getBytes());
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.code()).isEqualTo("not_xlsx");
        Api.Response ole = admin.upload("/api/imports", "old.xlsx", new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
                (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0, 0, 0, 0, 0});
        assertThat(ole.status()).isEqualTo(415);
        assertThat(ole.code()).isEqualTo("encrypted_workbook");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Members");
            sheet.createRow(0).createCell(0).setCellValue("Favourite colour");
            sheet.createRow(1).createCell(0).setCellValue("blue"); // a row: a header without rows is refused at once
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            Api.Response headless = admin.upload("/api/imports", "colours.xlsx", out.toByteArray());
            assertThat(headless.status()).isEqualTo(202);
            String id = headless.text("id");
            await().atMost(Duration.ofSeconds(20)).until(() -> !List.of("QUEUED", "RUNNING")
                    .contains(admin.get("/api/imports/" + id).text("status")));
            JsonNode failed = admin.get("/api/imports/" + id).body();
            assertThat(failed.get("status").asText()).isEqualTo("FAILED");
            assertThat(failed.get("message").asText()).contains("header");
        }
        Api.Response bomb = admin.upload("/api/imports", "bomb.xlsx", zipBomb());
        assertThat(bomb.status()).isEqualTo(400);
        assertThat(bomb.code()).isEqualTo("zip_bomb");
    }

    /** The Errors column of an import's error report, for assertion messages. */
    private String errors(JsonNode done) {
        if (done.get("errorReportUrl").isNull()) {
            return "no error report";
        }
        try (XSSFWorkbook report = new XSSFWorkbook(new ByteArrayInputStream(admin.get(done.get("errorReportUrl").asText()).raw()))) {
            Sheet sheet = report.getSheet("Members");
            int column = header(sheet.getRow(0)).get("Errors");
            StringBuilder errors = new StringBuilder();
            for (Row row : sheet) {
                errors.append(text(row, column)).append('\n');
            }
            return errors.toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void exporting_everyone_without_a_login_password_leaves_out_members_who_have_one() throws IOException {
        String dept = department(unique("NoPwd"), null);
        String without = member(dept, Map.of()).get("id").asText();
        String with = member(dept, Map.of("businessEmail", unique("b") + "@corp.example")).get("id").asText();
        assertThat(admin.put("/api/members/" + with + "/login", Map.of("loginEmailType", "BUSINESS_EMAIL",
                "generatePassword", true)).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/members/" + with).body()
                .get("hasLoginPassword").asBoolean());

        Api.Response started = admin.post("/api/exports", Map.of("selection", "WITHOUT_LOGIN_PASSWORD", "fileName", "all"));
        assertThat(started.status()).isEqualTo(202);
        String id = started.text("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> !admin.get("/api/exports/" + id).text("status").equals("RUNNING"));
        assertThat(admin.get("/api/exports/" + id).text("status")).isEqualTo("SUCCEEDED");
        List<String> exported = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(admin.get("/api/exports/" + id + "/file").raw()))) {
            Sheet sheet = workbook.getSheet("Members");
            int memberId = header(sheet.getRow(0)).get("Member ID");
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    exported.add(row.getCell(memberId).getStringCellValue());
                }
            }
        }
        assertThat(exported).contains(without).doesNotContain(with).doesNotHaveDuplicates();
    }

    @Test
    void an_admin_limited_to_some_departments_exports_and_imports_only_members_of_them() throws IOException {
        String north = department(unique("North"), null);
        String northSub = department(unique("NorthSub"), north);
        String south = department(unique("South"), null);
        Api scoped = adminOf(north);
        String inNorth = member(north, Map.of("name", "In North")).get("id").asText();
        String inSub = member(northSub, Map.of("name", "In NorthSub")).get("id").asText();
        String inSouth = member(south, Map.of("name", "In South")).get("id").asText();

        Api.Response all = scoped.post("/api/exports", Map.of("selection", "WITHOUT_LOGIN_PASSWORD", "fileName", "mine"));
        assertThat(all.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> !scoped.get("/api/exports/" + all.text("id")).text("status").equals("RUNNING"));
        List<String> exported = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(scoped.get("/api/exports/" + all.text("id") + "/file").raw()))) {
            Sheet sheet = workbook.getSheet("Members");
            int memberId = header(sheet.getRow(0)).get("Member ID");
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    exported.add(row.getCell(memberId).getStringCellValue());
                }
            }
        }
        assertThat(exported).as("everyone without a login password in the admin's departments, sub-departments included")
                .contains(inNorth, inSub).doesNotContain(inSouth);

        byte[] edited;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export(List.of(inNorth, inSub, inSouth))))) {
            Sheet sheet = workbook.getSheet("Members");
            Map<String, Integer> columns = header(sheet.getRow(0));
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    cell(row, columns.get("City")).setCellValue("Oslo");
                    if (text(row, columns.get("Member ID")).equals(inSub)) {
                        cell(row, columns.get("Department")).setCellValue(pathOf(northSub) + "; " + pathOf(south));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            edited = out.toByteArray();
        }
        Api.Response queued = scoped.upload("/api/imports", "edited.xlsx", edited);
        assertThat(queued.status()).as(String.valueOf(queued.body())).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> !List.of("QUEUED", "RUNNING")
                .contains(scoped.get("/api/imports/" + queued.text("id")).text("status")));
        JsonNode done = scoped.get("/api/imports/" + queued.text("id")).body();
        assertThat(done.get("changedRows").asInt()).isEqualTo(1);
        assertThat(done.get("failedRows").asInt()).isEqualTo(2);
        assertThat(admin.get("/api/members/" + inNorth).body().get("city").asText()).isEqualTo("Oslo");
        assertThat(admin.get("/api/members/" + inSub).body().get("city").isNull()).as("a refused row changes nothing").isTrue();
        assertThat(admin.get("/api/members/" + inSouth).body().get("city").isNull()).isTrue();
        Map<String, String> errorsById = new HashMap<>();
        try (XSSFWorkbook report = new XSSFWorkbook(new ByteArrayInputStream(scoped.get(done.get("errorReportUrl").asText()).raw()))) {
            Sheet sheet = report.getSheet("Members");
            Map<String, Integer> columns = header(sheet.getRow(0));
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    errorsById.put(text(row, columns.get("Member ID")), text(row, columns.get("Errors")));
                }
            }
        }
        assertThat(errorsById.get(inSouth)).contains("outside the departments you administer");
        assertThat(errorsById.get(inSub)).contains("only place members in departments you administer");
    }

    private byte[] export(List<String> ids) {
        Api.Response started = admin.post("/api/exports", Map.of("selection", "SELECTED", "memberIds", ids, "fileName", "test"));
        assertThat(started.status()).isEqualTo(202);
        String id = started.text("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> !admin.get("/api/exports/" + id).text("status").equals("RUNNING"));
        JsonNode export = admin.get("/api/exports/" + id).body();
        assertThat(export.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(export.get("rowCount").asInt()).isEqualTo(ids.size());
        Api.Response file = admin.get("/api/exports/" + id + "/file");
        assertThat(file.status()).isEqualTo(200);
        return file.raw();
    }

    private JsonNode importAndWait(byte[] workbook, boolean dryRun) {
        Api.Response queued = admin.upload("/api/imports" + (dryRun ? "?dryRun=true" : ""), "edited.xlsx", workbook);
        assertThat(queued.status()).as(String.valueOf(queued.body())).isEqualTo(202);
        String id = queued.text("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> !List.of("QUEUED", "RUNNING")
                .contains(admin.get("/api/imports/" + id).text("status")));
        return admin.get("/api/imports/" + id).body();
    }

    private String pathOf(String departmentId) {
        for (JsonNode d : admin.get("/api/departments").body().get("items")) {
            if (d.get("id").asText().equals(departmentId)) {
                return d.get("path").asText();
            }
        }
        throw new AssertionError("no department " + departmentId);
    }

    private static Map<String, Integer> header(Row row) {
        Map<String, Integer> columns = new HashMap<>();
        for (Cell cell : row) {
            columns.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
        return columns;
    }

    /** A fresh cell: POI edits inline-string cells in place badly (it keeps the old text next to the new). */
    private static Cell cell(Row row, int column) {
        Cell existing = row.getCell(column);
        if (existing != null) {
            row.removeCell(existing);
        }
        return row.createCell(column);
    }

    private static String text(Row row, int column) {
        return new DataFormatter().formatCellValue(row.getCell(column));
    }

    /** A real workbook whose sheet is padded with 50 MB of spaces: it compresses a thousand-fold. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Members").createRow(0).createCell(0).setCellValue("Member ID");
            workbook.write(plain);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(plain.toByteArray()));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData");
                    zip.write(xml.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 50; i++) {
                        zip.write(spaces);
                    }
                    zip.write(xml.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
