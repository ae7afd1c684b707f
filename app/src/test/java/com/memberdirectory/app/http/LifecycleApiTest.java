package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.testsupport.Api;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Suspension, resumption and offboarding over HTTP (docs/lifecycle.md). */
class LifecycleApiTest extends ApiTest {

    // --- suspension

    @Test
    void a_suspended_member_cannot_be_activated_until_resumed_and_comes_back_as_they_were() {
        String dept = department(unique("Susp"), null);
        String id = member(dept, Map.of()).get("id").asText();

        Api.Response suspended = admin.post("/api/members/" + id + "/suspension", Map.of());
        assertThat(suspended.status()).as(String.valueOf(suspended.body())).isEqualTo(200);
        assertThat(suspended.text("status")).isEqualTo("SUSPENDED");
        assertThat(suspended.header("ETag")).isEqualTo("\"" + suspended.text("version") + "\"");

        Api.Response activation = admin.post("/api/members/" + id + "/activation", Map.of());
        assertThat(activation.status()).isEqualTo(422);
        assertThat(activation.code()).isEqualTo("member_suspended");
        assertThat(activation.body().get("errors").get(0).get("field").asText()).isEqualTo("status");

        // suspending again records nothing
        Api.Response again = admin.post("/api/members/" + id + "/suspension", Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("version")).isEqualTo(suspended.text("version"));

        Api.Response resumed = admin.send("DELETE", "/api/members/" + id + "/suspension", new byte[0]);
        assertThat(resumed.status()).as(String.valueOf(resumed.body())).isEqualTo(200);
        assertThat(resumed.text("status")).isEqualTo("INACTIVE");
        // resuming a member who is not suspended records nothing
        Api.Response resumedAgain = admin.send("DELETE", "/api/members/" + id + "/suspension", new byte[0]);
        assertThat(resumedAgain.status()).isEqualTo(200);
        assertThat(resumedAgain.text("version")).isEqualTo(resumed.text("version"));

        assertThat(admin.post("/api/members/" + id + "/activation", Map.of()).text("status")).isEqualTo("ACTIVE");
        assertThat(admin.post("/api/members/" + id + "/suspension", Map.of()).text("status")).isEqualTo("SUSPENDED");
        assertThat(admin.send("DELETE", "/api/members/" + id + "/suspension", new byte[0]).text("status"))
                .as("resuming returns to the status before the suspension").isEqualTo("ACTIVE");

        JsonNode statusChanges = statusChanges(id);
        assertThat(statusChanges.toString()).contains("MemberSuspended", "MemberResumed");
        List<String> seen = new ArrayList<>();
        for (JsonNode entry : admin.get("/api/members/" + id + "/history").body().get("items")) {
            if (entry.get("type").asText().startsWith("Member") && !entry.get("type").asText().equals("MemberCreated")) {
                JsonNode change = entry.get("changes").get(0);
                assertThat(change.get("field").asText()).isEqualTo("status");
                assertThat(entry.get("actor").asText()).isEqualTo("admin");
                assertThat(entry.get("source").asText()).isEqualTo("API");
                seen.add(entry.get("type").asText() + ":" + change.get("before").asText() + "->" + change.get("after").asText());
            }
        }
        assertThat(seen).containsExactly("MemberSuspended:INACTIVE->SUSPENDED", "MemberResumed:SUSPENDED->INACTIVE",
                "MemberActivated:INACTIVE->ACTIVE", "MemberSuspended:ACTIVE->SUSPENDED", "MemberResumed:SUSPENDED->ACTIVE");
        assertThat(admin.get("/api/members?status=SUSPENDED&departmentId=" + dept).text("total")).isEqualTo("0");
    }

    @Test
    void a_suspended_member_still_appears_in_the_list_and_can_be_edited() {
        String dept = department(unique("SuspList"), null);
        String id = member(dept, Map.of()).get("id").asText();
        admin.post("/api/members/" + id + "/suspension", Map.of());
        JsonNode page = admin.get("/api/members?status=SUSPENDED&departmentId=" + dept).body();
        assertThat(page.get("total").asInt()).isEqualTo(1);
        Api.Response patched = admin.patch("/api/members/" + id, Map.of("city", "Lyon"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.text("status")).isEqualTo("SUSPENDED");
    }

    @Test
    void lifecycle_writes_honour_if_match_and_refuse_bad_input_with_problem_json() {
        String dept = department(unique("Match"), null);
        JsonNode created = member(dept, Map.of());
        String id = created.get("id").asText();
        Api.Response stale = admin.post("/api/members/" + id + "/suspension", Map.of(), "If-Match", "\"99\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("version_conflict");
        Api.Response current = admin.post("/api/members/" + id + "/suspension", Map.of(),
                "If-Match", "\"" + created.get("version").asText() + "\"");
        assertThat(current.status()).isEqualTo(200);
        Api.Response junk = admin.send("DELETE", "/api/members/" + id + "/suspension", new byte[0], "If-Match", "yesterday");
        assertThat(junk.status()).isEqualTo(400);
        assertThat(junk.header("Content-Type")).startsWith("application/problem+json");
        assertThat(junk.body().get("errors").get(0).get("field").asText()).isEqualTo("If-Match");
        Api.Response staleOffboarding = admin.post("/api/members/" + id + "/offboarding", Map.of(), "If-Match", "\"1\"");
        assertThat(staleOffboarding.status()).isEqualTo(412);
        for (String path : List.of("/suspension", "/offboarding")) {
            Api.Response unknown = admin.post("/api/members/no-such-member" + path, Map.of());
            assertThat(unknown.status()).as(path).isEqualTo(404);
            assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(admin.send("DELETE", "/api/members/no-such-member/suspension", new byte[0]).status()).isEqualTo(404);
        Api.Response listed = admin.get("/api/members?status=OFFBOARDED");
        assertThat(listed.status()).isEqualTo(400);
        assertThat(listed.body().get("errors").get(0).get("field").asText()).isEqualTo("status");
        assertThat(admin.get("/api/members?status=GONE").status()).isEqualTo(400);
    }

    @Test
    void a_scoped_admin_suspends_and_offboards_only_members_of_their_departments() {
        String mine = department(unique("Mine"), null);
        String theirs = department(unique("Theirs"), null);
        Api scoped = adminOf(mine);
        String inside = member(mine, Map.of()).get("id").asText();
        String outside = member(theirs, Map.of()).get("id").asText();
        for (String path : List.of("/suspension", "/offboarding")) {
            Api.Response refused = scoped.post("/api/members/" + outside + path, Map.of());
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
        }
        assertThat(scoped.send("DELETE", "/api/members/" + outside + "/suspension", new byte[0]).status()).isEqualTo(403);
        assertThat(as(unique("reader-")).post("/api/members/" + inside + "/suspension", Map.of()).status()).isEqualTo(403);
        assertThat(admin.get("/api/members/" + outside).text("status")).isEqualTo("INACTIVE");

        assertThat(scoped.post("/api/members/" + inside + "/suspension", Map.of()).text("status")).isEqualTo("SUSPENDED");
        Api.Response offboarded = scoped.post("/api/members/" + inside + "/offboarding", Map.of());
        assertThat(offboarded.status()).isEqualTo(200);
        assertThat(offboarded.text("status")).isEqualTo("OFFBOARDED");
        assertThat(scoped.get("/api/members/" + inside).status()).as("they may read its history").isEqualTo(200);
        assertThat(adminOf(theirs).get("/api/members/" + inside).status()).isEqualTo(404);
    }

    // --- offboarding

    @Test
    void an_offboarded_member_leaves_lists_and_searches_frees_its_values_and_keeps_its_history() throws IOException {
        String dept = department(unique("Leavers"), null);
        String userId = unique("leaver");
        String workEmail = userId + "@example.com";
        String businessEmail = userId + "@corp.example";
        String phone = uniquePhone();
        String employeeId = unique("E");
        JsonNode leaver = member(dept, Map.of("userId", userId, "workEmail", workEmail, "businessEmail", businessEmail,
                "phone", phone, "employeeId", employeeId));
        String id = leaver.get("id").asText();
        String colleague = member(department(unique("Stayers"), null), Map.of()).get("id").asText();
        assertThat(admin.post("/api/members/" + id + "/activation", Map.of()).status()).isEqualTo(200);
        byte[] exported = exportSelected(List.of(id, colleague), 2);
        Instant before = Instant.now();
        await().pollDelay(Duration.ofMillis(20)).until(() -> Instant.now().isAfter(before));

        Api.Response offboarded = admin.post("/api/members/" + id + "/offboarding", Map.of());
        assertThat(offboarded.status()).as(String.valueOf(offboarded.body())).isEqualTo(200);
        assertThat(offboarded.text("status")).isEqualTo("OFFBOARDED");
        assertThat(offboarded.header("ETag")).isEqualTo("\"" + offboarded.text("version") + "\"");
        // offboarding again records nothing
        Api.Response again = admin.post("/api/members/" + id + "/offboarding", Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("version")).isEqualTo(offboarded.text("version"));

        // hidden from lists, searches and counts, for everyone
        for (String query : List.of("departmentId=" + dept, "q=" + userId, "q=" + phone.substring(3), "q=" + employeeId,
                "q=" + businessEmail, "departmentId=" + dept + "&withoutLoginPassword=true", "status=ACTIVE&q=" + userId)) {
            Api.Response page = admin.get("/api/members?" + query);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.text("total")).as(query).isEqualTo("0");
        }
        assertThat(admin.get("/api/members?departmentId=" + dept + "&asOf=" + Instant.now()).text("total")).isEqualTo("0");
        assertThat(admin.get("/api/members?departmentId=" + dept + "&asOf=" + before).text("total")).isEqualTo("1");

        // found only by those who may read its history
        assertThat(admin.get("/api/members/" + id).text("status")).isEqualTo("OFFBOARDED");
        Api reader = as(unique("reader-"));
        Api.Response hidden = reader.get("/api/members/" + id);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reader.get("/api/members/" + id + "/history").status()).isEqualTo(404);
        assertThat(reader.get("/api/members/" + id + "/photo").status()).isEqualTo(404);

        // history, asOf and the change list keep it
        JsonNode history = admin.get("/api/members/" + id + "/history").body().get("items");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("MemberOffboarded");
        assertThat(last.get("actor").asText()).isEqualTo("admin");
        assertThat(last.get("source").asText()).isEqualTo("API");
        assertThat(last.get("changes").get(0).get("before").asText()).isEqualTo("ACTIVE");
        assertThat(last.get("changes").get(0).get("after").asText()).isEqualTo("OFFBOARDED");
        Api.Response then = admin.get("/api/members/" + id + "?asOf=" + before);
        assertThat(then.text("status")).isEqualTo("ACTIVE");
        assertThat(then.text("userId")).isEqualTo(userId);
        assertThat(statusChanges(id).toString()).contains("MemberOffboarded");

        // no longer changeable, no login
        Api.Response patched = admin.patch("/api/members/" + id, Map.of("city", "Lyon"));
        assertThat(patched.status()).isEqualTo(422);
        assertThat(patched.code()).isEqualTo("member_offboarded");
        assertThat(patched.body().get("errors").get(0).get("field").asText()).isEqualTo("status");
        assertThat(admin.post("/api/members/" + id + "/activation", Map.of()).code()).isEqualTo("member_offboarded");
        assertThat(admin.put("/api/members/" + id + "/login", Map.of("loginEmailType", "WORK_EMAIL")).code())
                .isEqualTo("member_offboarded");
        assertThat(admin.post("/api/members/" + id + "/suspension", Map.of()).code()).isEqualTo("member_offboarded");
        assertThat(admin.send("DELETE", "/api/members/" + id + "/suspension", new byte[0]).code()).isEqualTo("member_offboarded");
        Api.Response asManager = admin.post("/api/members", Map.of("name", "New report", "workEmail", unique("r") + "@example.com",
                "departmentIds", List.of(dept), "managerId", id));
        assertThat(asManager.status()).isEqualTo(422);
        assertThat(asManager.code()).isEqualTo("unknown_member");

        // its unique values are free for a new member
        Api.Response successor = admin.post("/api/members", Map.of("name", "Successor", "userId", userId.toUpperCase(),
                "workEmail", workEmail, "businessEmail", businessEmail, "phone", phone, "employeeId", employeeId,
                "departmentIds", List.of(dept)));
        assertThat(successor.status()).as(String.valueOf(successor.body())).isEqualTo(201);
        assertThat(admin.get("/api/members?q=" + userId).text("total")).isEqualTo("1");

        // an import row for it is an error of the report, and changes nothing
        JsonNode done = importAndWait(renamed(exported, "Renamed after leaving"));
        assertThat(done.get("changedRows").asInt()).as(done.toString()).isEqualTo(1);
        assertThat(done.get("failedRows").asInt()).as(done.toString()).isEqualTo(1);
        assertThat(errorsOf(done)).contains("offboarded");
        assertThat(admin.get("/api/members/" + id).text("name")).isEqualTo(leaver.get("name").asText());
        assertThat(admin.get("/api/members/" + id).text("version")).isEqualTo(offboarded.text("version"));

        assertThat(admin.get("/api/members/" + colleague).text("name")).isEqualTo("Renamed after leaving");

        // exports leave it out, selected or not
        exportSelected(List.of(id), 0);
        exportSelected(List.of(id, colleague), 1);
    }

    @Test
    void the_members_who_reported_to_an_offboarded_manager_lose_that_manager_by_events_of_the_offboarding() {
        String dept = department(unique("Reports"), null);
        String other = department(unique("Elsewhere"), null);
        String manager = member(dept, Map.of()).get("id").asText();
        String keptManager = member(dept, Map.of()).get("id").asText();
        String direct = member(other, Map.of("managerId", manager)).get("id").asText();
        String dotted = member(dept, Map.of("managerId", keptManager, "dottedLineManagerIds", List.of(keptManager, manager)))
                .get("id").asText();
        String unrelated = member(dept, Map.of("managerId", keptManager)).get("id").asText();
        admin.post("/api/members/" + direct + "/suspension", Map.of());
        long unrelatedVersion = admin.get("/api/members/" + unrelated).body().get("version").asLong();

        // a scoped admin of the manager's department offboards; the direct report is outside their reach
        Api scoped = adminOf(dept);
        Api.Response offboarded = scoped.post("/api/members/" + manager + "/offboarding", Map.of(),
                "X-Correlation-ID", "offboarding-" + manager.substring(0, 8));
        assertThat(offboarded.status()).as(String.valueOf(offboarded.body())).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/members/" + direct).body().get("managerId").isNull());
        JsonNode directNow = admin.get("/api/members/" + direct).body();
        assertThat(directNow.get("status").asText()).isEqualTo("SUSPENDED");
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/members/" + dotted).body()
                .get("dottedLineManagerIds").size() == 1);
        JsonNode dottedNow = admin.get("/api/members/" + dotted).body();
        assertThat(dottedNow.get("managerId").asText()).isEqualTo(keptManager);
        assertThat(dottedNow.get("dottedLineManagerIds").get(0).asText()).isEqualTo(keptManager);
        assertThat(admin.get("/api/members/" + unrelated).body().get("version").asLong()).isEqualTo(unrelatedVersion);

        String correlation = lastEntry(manager).get("correlationId").asText();
        for (String[] report : new String[][]{{direct, "ManagerChanged", "managerId"},
                {dotted, "DottedLineManagersChanged", "dottedLineManagerIds"}}) {
            JsonNode entry = lastEntry(report[0]);
            assertThat(entry.get("type").asText()).isEqualTo(report[1]);
            assertThat(entry.get("changes").get(0).get("field").asText()).isEqualTo(report[2]);
            assertThat(entry.get("actor").asText()).as("the offboarding's actor").isEqualTo(lastEntry(manager).get("actor").asText());
            assertThat(entry.get("source").asText()).isEqualTo("API");
            assertThat(entry.get("correlationId").asText()).as("the offboarding's correlation id").isEqualTo(correlation);
        }
        // the change list shows them under the offboarding's correlation id
        JsonNode changes = admin.get("/api/audit?memberId=" + direct + "&field=managerId&order=asc").body().get("items");
        assertThat(changes.get(changes.size() - 1).get("correlationId").asText()).isEqualTo(correlation);
        // the report can be edited and given a new manager as usual
        assertThat(admin.patch("/api/members/" + direct, Map.of("managerId", keptManager)).status()).isEqualTo(200);
    }

    // --- helpers

    private JsonNode lastEntry(String memberId) {
        JsonNode items = admin.get("/api/members/" + memberId + "/history").body().get("items");
        return items.get(items.size() - 1);
    }

    private JsonNode statusChanges(String memberId) {
        Api.Response audit = admin.get("/api/audit?memberId=" + memberId + "&field=status&order=asc&size=50");
        assertThat(audit.status()).isEqualTo(200);
        return audit.body().get("items");
    }

    /** Exports the selected members and checks how many rows the file has; answers the file. */
    private byte[] exportSelected(List<String> ids, int rows) {
        Api.Response started = admin.post("/api/exports", Map.of("selection", "SELECTED", "memberIds", ids, "fileName", "leavers"));
        assertThat(started.status()).isEqualTo(202);
        String export = started.text("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> !admin.get("/api/exports/" + export).text("status").equals("RUNNING"));
        JsonNode done = admin.get("/api/exports/" + export).body();
        assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(done.get("rowCount").asInt()).isEqualTo(rows);
        return admin.get("/api/exports/" + export + "/file").raw();
    }

    private JsonNode importAndWait(byte[] workbook) {
        Api.Response queued = admin.upload("/api/imports", "leavers.xlsx", workbook);
        assertThat(queued.status()).as(String.valueOf(queued.body())).isEqualTo(202);
        String id = queued.text("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> !List.of("QUEUED", "RUNNING")
                .contains(admin.get("/api/imports/" + id).text("status")));
        return admin.get("/api/imports/" + id).body();
    }

    private String errorsOf(JsonNode done) throws IOException {
        assertThat(done.get("errorReportUrl").isNull()).as("an error report").isFalse();
        try (XSSFWorkbook report = new XSSFWorkbook(new ByteArrayInputStream(admin.get(done.get("errorReportUrl").asText()).raw()))) {
            Sheet sheet = report.getSheet("Members");
            int column = header(sheet.getRow(0)).get("Errors");
            StringBuilder errors = new StringBuilder();
            for (Row row : sheet) {
                errors.append(new DataFormatter().formatCellValue(row.getCell(column))).append('\n');
            }
            return errors.toString();
        }
    }

    /** The exported workbook with every member renamed. */
    private static byte[] renamed(byte[] exported, String name) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheet("Members");
            int column = header(sheet.getRow(0)).get("Name");
            for (int number = 1; number <= sheet.getLastRowNum(); number++) {
                Row row = sheet.getRow(number);
                Cell existing = row.getCell(column);
                if (existing != null) {
                    row.removeCell(existing);
                }
                row.createCell(column).setCellValue(name);
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static Map<String, Integer> header(Row row) {
        Map<String, Integer> columns = new HashMap<>();
        for (Cell cell : row) {
            columns.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
        return columns;
    }
}
