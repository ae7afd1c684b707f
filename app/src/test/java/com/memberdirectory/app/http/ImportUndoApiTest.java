package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.command.importing.ImportMarks;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.CreateMember;
import com.memberdirectory.kernel.member.ImportRow;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.metadata.MetadataKeys;
import com.memberdirectory.testsupport.Api;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Undo of a finished import (docs/undo.md), over HTTP. */
class ImportUndoApiTest extends ApiTest {

    /** The fields compared between a member after the undo and the same member just before the import. */
    private static final List<String> COMPARED = List.of("name", "city", "departmentIds", "phone", "hidePhone", "gender",
            "workforceType", "employmentDate", "workEmail", "loginEmail", "alias");

    @Autowired
    CommandGateway commands;
    @Autowired
    UniqueValues lookups;

    @Test
    void undo_after_a_clean_import_gives_every_member_back_as_it_was_just_before_the_import() throws IOException {
        String dept = department(unique("Undo"), null);
        String other = department(unique("UndoOther"), null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(member(dept, Map.of("city", "Lisbon", "phone", uniquePhone(), "workforceType", "Regular")).get("id").asText());
        }
        admin.patch("/api/members/" + ids.get(2), Map.of("alias", "Third"));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String id : ids) {
            rows.put(id, List.of("Porto", pathOf(dept) + "; " + pathOf(other), uniquePhone(), "Yes", "Female", "Intern",
                    "2024-01-02", unique("w") + "@example.com", ""));
        }
        byte[] workbook = workbook(List.of("City", "Department", "Phone number", "Hide phone number", "Gender",
                "Workforce type", "Date of employment", "Work email", "Alias"), rows);
        Instant before = Instant.now();
        JsonNode imported = importAndWait(admin, workbook, false);
        assertThat(imported.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(imported.get("changedRows").asInt()).isEqualTo(3);
        assertThat(admin.get("/api/members/" + ids.get(0)).text("city")).isEqualTo("Porto");

        JsonNode undo = undoAndWait(admin, imported.get("id").asText(), false);

        assertThat(undo.get("status").asText()).as(undo.toString()).isEqualTo("SUCCEEDED");
        assertThat(undo.get("kind").asText()).isEqualTo("UNDO");
        assertThat(undo.get("undoOf").asText()).isEqualTo(imported.get("id").asText());
        assertThat(undo.get("changedRows").asInt()).isEqualTo(3);
        assertThat(undo.get("failedRows").asInt()).isZero();
        for (String id : ids) {
            JsonNode now = admin.get("/api/members/" + id).body();
            JsonNode then = admin.get("/api/members/" + id + "?asOf=" + before).body();
            for (String field : COMPARED) {
                assertThat(now.get(field)).as(id + " " + field).isEqualTo(then.get(field));
            }
        }
        JsonNode history = admin.get("/api/members/" + ids.get(0) + "/history").body().get("items");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("source").asText()).isEqualTo("UNDO:" + imported.get("id").asText());
        assertThat(last.get("actor").asText()).isEqualTo("admin");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(admin.get("/api/audit?field=city&source=UNDO:"
                + imported.get("id").asText()).body().get("total").asInt()).as("the change list shows the undo").isEqualTo(3));
        JsonNode listed = admin.get("/api/imports").body().get("items").get(0);
        assertThat(listed.get("id").asText()).as("the undo is in the admin's import history").isEqualTo(undo.get("id").asText());
        assertThat(listed.get("kind").asText()).isEqualTo("UNDO");

        List<Map<String, String>> report = report(admin, undo);
        assertThat(report).hasSize(3).allSatisfy(row -> assertThat(row.get("Undo")).startsWith("Undone: "));
        assertThat(report.get(0)).containsEntry("Member ID", ids.get(0)).containsEntry("City", "Lisbon")
                .containsEntry("Department", pathOf(dept)).containsEntry("Hide phone number", "No")
                .containsEntry("Workforce type", "Regular");
    }

    @Test
    void members_changed_since_the_import_are_conflicts_left_as_they_are_and_the_report_imports_back() throws IOException {
        String dept = department(unique("Conflict"), null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(member(dept, Map.of("city", "Lisbon")).get("id").asText());
        }
        JsonNode imported = importAndWait(admin, cities(ids, "Porto"), false);
        String editorSubject = unique("editor-");
        admin.put("/api/admins/" + editorSubject, Map.of("permissions", List.of("MEMBER_AND_DEPARTMENT")));
        Api editor = as(editorSubject);
        assertThat(editor.patch("/api/members/" + ids.get(1), Map.of("city", "Faro")).status()).isEqualTo(200);

        JsonNode undo = undoAndWait(admin, imported.get("id").asText(), false);

        assertThat(undo.get("status").asText()).isEqualTo("PARTIALLY_FAILED");
        assertThat(undo.get("changedRows").asInt()).isEqualTo(2);
        assertThat(undo.get("failedRows").asInt()).isEqualTo(1);
        assertThat(undo.get("message").asText()).contains("1 of 3");
        assertThat(admin.get("/api/members/" + ids.get(0)).text("city")).isEqualTo("Lisbon");
        assertThat(admin.get("/api/members/" + ids.get(1)).text("city")).as("never overwritten").isEqualTo("Faro");
        assertThat(admin.get("/api/members/" + ids.get(2)).text("city")).isEqualTo("Lisbon");
        List<Map<String, String>> report = report(admin, undo);
        Map<String, String> conflict = report.get(1);
        assertThat(conflict.get("Undo")).startsWith("Conflict").contains("City: changed since the import")
                .contains(editorSubject).contains("(API)");
        assertThat(conflict).as("the value the undo would have set back").containsEntry("City", "Lisbon");

        JsonNode reimported = importAndWait(admin, reportBytes(admin, undo), false);

        assertThat(reimported.get("status").asText()).as(reimported.toString()).isEqualTo("SUCCEEDED");
        assertThat(reimported.get("changedRows").asInt()).as("only the conflict's row changes anything").isEqualTo(1);
        assertThat(reimported.get("unchangedRows").asInt()).isEqualTo(2);
        assertThat(admin.get("/api/members/" + ids.get(1)).text("city")).isEqualTo("Lisbon");
    }

    @Test
    void a_work_email_someone_else_took_since_is_a_conflict_row_not_an_error() throws IOException {
        String dept = department(unique("Taken"), null);
        String formerEmail = unique("former") + "@example.com";
        String id = member(dept, Map.of("workEmail", formerEmail)).get("id").asText();
        JsonNode imported = importAndWait(admin, workbook(List.of("Work email"),
                Map.of(id, List.of(unique("new") + "@example.com"))), false);
        String taker = member(dept, Map.of("workEmail", formerEmail)).get("id").asText();

        JsonNode undo = undoAndWait(admin, imported.get("id").asText(), false);

        assertThat(undo.get("status").asText()).isEqualTo("FAILED");
        assertThat(undo.get("failedRows").asInt()).isEqualTo(1);
        assertThat(report(admin, undo).get(0).get("Undo")).startsWith("Conflict").contains("Work email");
        assertThat(admin.get("/api/members/" + taker).text("workEmail")).isEqualTo(formerEmail);
        assertThat(admin.get("/api/members/" + id).text("workEmail")).isNotEqualTo(formerEmail);
        assertThat(undoAndWait(admin, imported.get("id").asText(), false).get("failedRows").asInt())
                .as("an undo that ended FAILED gives its claim back: it may be asked for again").isEqualTo(1);
    }

    @Test
    void a_dry_run_previews_and_changes_nothing_and_a_second_undo_is_refused() throws IOException {
        String dept = department(unique("Twice"), null);
        List<String> ids = List.of(member(dept, Map.of("city", "Lisbon")).get("id").asText(),
                member(dept, Map.of()).get("id").asText());
        JsonNode imported = importAndWait(admin, cities(ids, "Porto"), false);
        String importId = imported.get("id").asText();

        JsonNode dry = undoAndWait(admin, importId, true);

        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("changedRows").asInt()).isEqualTo(2);
        assertThat(admin.get("/api/members/" + ids.get(0)).text("city")).as("a dry run changes nothing").isEqualTo("Porto");
        assertThat(report(admin, dry)).allSatisfy(row -> assertThat(row.get("Undo")).startsWith("Would be undone: City"));
        assertThat(undoAndWait(admin, importId, true).get("status").asText()).as("a dry run may be repeated").isEqualTo("SUCCEEDED");

        JsonNode undo = undoAndWait(admin, importId, false);
        assertThat(undo.get("status").asText()).isEqualTo("SUCCEEDED");
        long changesAfterFirst = admin.get("/api/members/" + ids.get(0) + "/history").body().get("items").size();

        Api.Response again = admin.post("/api/imports/" + importId + "/undo", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("already_undone");
        assertThat(admin.get("/api/members/" + ids.get(0) + "/history").body().get("items").size())
                .as("the second undo changed nothing").isEqualTo(changesAfterFirst);
        assertThat(admin.get("/api/members/" + ids.get(0)).text("city")).isEqualTo("Lisbon");
        assertThat(admin.get("/api/members/" + ids.get(1)).body().get("city").isNull()).isTrue();

        Api.Response undoOfUndo = admin.post("/api/imports/" + undo.get("id").asText() + "/undo", Map.of());
        assertThat(undoOfUndo.status()).isEqualTo(422);
        assertThat(undoOfUndo.code()).isEqualTo("not_undoable");
        Api.Response ofDryRun = admin.post("/api/imports/" + importAndWait(admin, cities(ids, "Faro"), true)
                .get("id").asText() + "/undo", Map.of());
        assertThat(ofDryRun.status()).isEqualTo(422);
        assertThat(ofDryRun.code()).isEqualTo("not_undoable");
        assertThat(admin.post("/api/imports/" + unique("none") + "/undo", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void only_the_importing_admin_and_the_primary_admin_undo_and_only_within_the_reach_the_import_had() throws IOException {
        String dept = department(unique("Scope"), null);
        String elsewhere = department(unique("Elsewhere"), null);
        List<String> ids = List.of(member(dept, Map.of("city", "Lisbon")).get("id").asText(),
                member(dept, Map.of("city", "Lisbon")).get("id").asText());
        Api scoped = adminOf(dept);
        JsonNode imported = importAndWait(scoped, cities(ids, "Porto"), false);
        String importId = imported.get("id").asText();
        assertThat(imported.get("changedRows").asInt()).isEqualTo(2);

        assertThat(freshAdmin().post("/api/imports/" + importId + "/undo", Map.of()).status())
                .as("another admin's import is not theirs to see").isEqualTo(404);
        assertThat(as(unique("reader-")).post("/api/imports/" + importId + "/undo", Map.of()).status()).isEqualTo(403);
        assertThat(admin.patch("/api/members/" + ids.get(1), Map.of("departmentIds", List.of(elsewhere))).status())
                .isEqualTo(200);

        JsonNode undo = undoAndWait(scoped, importId, false);

        assertThat(undo.get("changedRows").asInt()).isEqualTo(1);
        assertThat(undo.get("failedRows").asInt()).isEqualTo(1);
        assertThat(scoped.get("/api/members/" + ids.get(0)).text("city")).isEqualTo("Lisbon");
        assertThat(admin.get("/api/members/" + ids.get(1)).text("city")).as("moved out of reach: left as it is")
                .isEqualTo("Porto");
        assertThat(report(scoped, undo).get(1).get("Undo")).startsWith("Conflict").contains("departments you administer");
        assertThat(admin.get("/api/imports").body().get("items").findValuesAsText("id"))
                .as("the undo is in its admin's history, not another's").doesNotContain(undo.get("id").asText());
    }

    @Test
    void a_member_the_import_created_is_offboarded_unless_changed_since() throws IOException {
        String dept = department(unique("Created"), null);
        String existing = member(dept, Map.of()).get("id").asText();
        JsonNode imported = importAndWait(admin, cities(List.of(existing), "Porto"), false);
        String importId = imported.get("id").asText();
        // Imports update existing members only; a member created with the import's source stands for one an import
        // creating members would add, marked as its row as every applied row is.
        String created = createdByImport(importId, dept, 100);
        String createdThenEdited = createdByImport(importId, dept, 101);
        assertThat(admin.patch("/api/members/" + createdThenEdited, Map.of("city", "Faro")).status()).isEqualTo(200);

        JsonNode undo = undoAndWait(admin, importId, false);

        assertThat(undo.get("changedRows").asInt()).isEqualTo(2);
        assertThat(undo.get("failedRows").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/members/" + created).text("status")).isEqualTo("OFFBOARDED");
        assertThat(admin.get("/api/members/" + createdThenEdited).text("status")).isEqualTo("INACTIVE");
        assertThat(admin.get("/api/members/" + existing).body().get("city").isNull()).isTrue();
    }

    private String createdByImport(String importId, String dept, int row) {
        MemberId id = new MemberId(UUID.randomUUID().toString());
        commands.sendAndWait(new CreateMember(id, MemberChanges.builder().set(MemberFields.NAME, unique("Created "))
                        .set(MemberFields.WORK_EMAIL, unique("c") + "@example.com").set(MemberFields.DEPARTMENTS, List.of(new DepartmentId(dept))).build(),
                Actor.primary("admin")), MetaData.with(MetadataKeys.SOURCE, MetadataKeys.SOURCE_IMPORT_PREFIX + importId)
                .and(MetadataKeys.ACTOR, "admin"));
        ImportMarks.mark(lookups, new ImportRow(importId, row), id.value(), true);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/members/" + id.value()).status() == 200);
        return id.value();
    }

    private JsonNode importAndWait(Api api, byte[] workbook, boolean dryRun) {
        Api.Response queued = api.upload("/api/imports" + (dryRun ? "?dryRun=true" : ""), "edited.xlsx", workbook);
        assertThat(queued.status()).as(String.valueOf(queued.body())).isEqualTo(202);
        return finished(api, queued.text("id"));
    }

    private JsonNode undoAndWait(Api api, String importId, boolean dryRun) {
        Api.Response queued = api.post("/api/imports/" + importId + "/undo" + (dryRun ? "?dryRun=true" : ""), Map.of());
        assertThat(queued.status()).as(String.valueOf(queued.body())).isEqualTo(202);
        return finished(api, queued.text("id"));
    }

    private static JsonNode finished(Api api, String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !List.of("QUEUED", "RUNNING").contains(api.get("/api/imports/" + id).text("status")));
        return api.get("/api/imports/" + id).body();
    }

    private static byte[] reportBytes(Api api, JsonNode undo) {
        Api.Response file = api.get(undo.get("reportUrl").asText());
        assertThat(file.status()).isEqualTo(200);
        return file.raw();
    }

    /** The undo's report, a map of column to cell per row. */
    private static List<Map<String, String>> report(Api api, JsonNode undo) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(reportBytes(api, undo)))) {
            Sheet sheet = workbook.getSheet("Members");
            Map<Integer, String> header = new HashMap<>();
            for (Cell cell : sheet.getRow(0)) {
                header.put(cell.getColumnIndex(), cell.getStringCellValue());
            }
            DataFormatter text = new DataFormatter();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    Map<String, String> cells = new LinkedHashMap<>();
                    header.forEach((column, name) -> cells.put(name, text.formatCellValue(row.getCell(column))));
                    rows.add(cells);
                }
            }
        }
        return rows;
    }

    private static byte[] cities(List<String> ids, String city) throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        ids.forEach(id -> rows.put(id, List.of(city)));
        return workbook(List.of("City"), rows);
    }

    /** A workbook of member ID plus the given columns, one row per member. */
    private static byte[] workbook(List<String> columns, Map<String, List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Members");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Member ID");
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i + 1).setCellValue(columns.get(i));
            }
            int number = 1;
            for (Map.Entry<String, List<String>> entry : rows.entrySet()) {
                Row row = sheet.createRow(number++);
                row.createCell(0).setCellValue(entry.getKey());
                for (int i = 0; i < entry.getValue().size(); i++) {
                    row.createCell(i + 1).setCellValue(entry.getValue().get(i));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private String pathOf(String departmentId) {
        for (JsonNode d : admin.get("/api/departments").body().get("items")) {
            if (d.get("id").asText().equals(departmentId)) {
                return d.get("path").asText();
            }
        }
        throw new AssertionError("no department " + departmentId);
    }
}
