package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.testsupport.Api;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests a careless or hostile client sends: control characters in query parameters, odd upload names and
 * empty workbooks, malformed If-Match headers, page numbers that overflow, non-ASCII download names and broken
 * JSON. Each gets a 4xx problem+json with a code (never a 500) and changes nothing.
 */
class HostileRequestApiTest extends ApiTest {

    // ---- 1. control characters in free-text query parameters ----

    @Test
    void a_NUL_in_the_member_search_is_a_malformed_request_on_the_q_parameter() {
        Api.Response answer = admin.get("/api/members?q=%00");
        assertProblem(answer, 400, "malformed_request", "q");
    }

    @Test
    void a_NUL_inside_an_otherwise_ordinary_member_search_is_a_malformed_request() {
        Api.Response answer = admin.get("/api/members?q=Ann%00a&page=0&size=10");
        assertProblem(answer, 400, "malformed_request", "q");
    }

    @ParameterizedTest(name = "a control character in the audit filter {0} is a malformed request")
    @ValueSource(strings = {"actor", "field", "source", "memberId"})
    void a_control_character_in_an_audit_filter_is_a_malformed_request(String parameter) {
        assertProblem(admin.get("/api/audit?" + parameter + "=%00"), 400, "malformed_request", parameter);
        assertProblem(admin.get("/api/audit?" + parameter + "=x%01y"), 400, "malformed_request", parameter);
    }

    @Test
    void a_NUL_in_a_filter_of_the_change_list_workbook_is_a_malformed_request() {
        assertProblem(admin.get("/api/audit/export?actor=%00"), 400, "malformed_request", "actor");
    }

    @Test
    void a_NUL_in_the_department_filter_of_the_member_list_is_a_malformed_request() {
        assertProblem(admin.get("/api/members?departmentId=%00"), 400, "malformed_request", "departmentId");
    }

    @Test
    void ordinary_non_ASCII_search_text_still_searches() {
        String dept = department(unique("Suche "), null);
        String name = unique("Jürgen 成员 ");
        member(dept, Map.of("name", name));
        Api.Response found = admin.get("/api/members?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("total").asLong()).isEqualTo(1);
    }

    // ---- 2. uploads ----

    @Test
    void an_upload_named_slash_is_refused_on_the_file_field_and_queues_nothing() throws IOException {
        Api uploader = freshAdmin();
        assertProblem(uploader.upload("/api/imports", "/", headerAndOneRow()), 400, "invalid_file_name", "file");
        assertNothingQueued(uploader);
    }

    @Test
    void an_upload_whose_name_holds_a_NUL_is_refused_on_the_file_field_and_queues_nothing() throws IOException {
        Api uploader = freshAdmin();
        assertProblem(uploader.upload("/api/imports", "members\u0000.xlsx", headerAndOneRow()), 400, "invalid_file_name", "file");
        assertNothingQueued(uploader);
    }

    @Test
    void an_upload_named_only_by_folders_is_refused_and_queues_nothing() throws IOException {
        Api uploader = freshAdmin();
        assertProblem(uploader.upload("/api/imports", "a/b/", headerAndOneRow()), 400, "invalid_file_name", "file");
        assertProblem(uploader.upload("/api/imports", "..", headerAndOneRow()), 400, "invalid_file_name", "file");
        assertNothingQueued(uploader);
    }

    @Test
    void an_upload_with_a_path_keeps_only_the_last_part_of_the_name() throws IOException {
        Api uploader = freshAdmin();
        Api.Response queued = uploader.upload("/api/imports?dryRun=true", "C:\\Users\\ann\\team.xlsx", headerAndOneRow());
        assertThat(queued.status()).as(String.valueOf(queued.body())).isEqualTo(202);
        assertThat(uploader.get("/api/imports/" + queued.text("id")).text("fileName")).isEqualTo("team.xlsx");
    }

    @Test
    void a_zero_byte_workbook_is_refused_on_the_file_field_and_queues_nothing() {
        Api uploader = freshAdmin();
        assertProblem(uploader.upload("/api/imports", "empty.xlsx", new byte[0]), 400, "empty_file", "file");
        assertNothingQueued(uploader);
    }

    @Test
    void a_truncated_workbook_or_a_few_stray_bytes_are_refused_on_the_file_field_and_queue_nothing() throws IOException {
        Api uploader = freshAdmin();
        byte[] whole = headerAndOneRow();
        for (byte[] content : List.of(java.util.Arrays.copyOf(whole, whole.length / 2), new byte[]{'P', 'K', 3, 4},
                "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))) {
            Api.Response answer = uploader.upload("/api/imports", "broken.xlsx", content);
            assertThat(answer.status()).as(String.valueOf(answer.body())).isIn(400, 415);
            assertProblem(answer, answer.status(), null, "file");
        }
        assertNothingQueued(uploader);
    }

    @Test
    void a_workbook_with_an_empty_sheet_is_refused_for_having_no_header_and_queues_nothing() throws IOException {
        Api uploader = freshAdmin();
        byte[] empty;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Members");
            workbook.write(out);
            empty = out.toByteArray();
        }
        assertProblem(uploader.upload("/api/imports", "empty.xlsx", empty), 400, "no_header", "file");
        assertNothingQueued(uploader);
    }

    @Test
    void a_workbook_without_any_sheet_is_refused_and_queues_nothing() throws IOException {
        Api uploader = freshAdmin();
        byte[] none;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            none = out.toByteArray();
        }
        Api.Response answer = uploader.upload("/api/imports", "none.xlsx", none);
        assertThat(answer.status()).as(String.valueOf(answer.body())).isBetween(400, 415);
        assertProblem(answer, answer.status(), answer.code(), "file");
        assertNothingQueued(uploader);
    }

    @Test
    void a_workbook_with_a_header_and_no_rows_is_refused_for_having_no_rows_and_queues_nothing() throws IOException {
        Api uploader = freshAdmin();
        assertProblem(uploader.upload("/api/imports", "header-only.xlsx", workbook(List.of(List.of("Member ID", "Name")))),
                400, "no_rows", "file");
        assertProblem(uploader.upload("/api/imports", "header-only.xlsx",
                workbook(List.of(List.of("Member ID", "Name"), List.of("", "")))), 400, "no_rows", "file");
        assertNothingQueued(uploader);
    }

    @Test
    void a_workbook_with_a_header_and_a_row_is_still_queued_and_finishes() throws IOException {
        Api uploader = freshAdmin();
        Api.Response queued = uploader.upload("/api/imports?dryRun=true", "one-row.xlsx", headerAndOneRow());
        assertThat(queued.status()).as(String.valueOf(queued.body())).isEqualTo(202);
        String id = queued.text("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> !List.of("QUEUED", "RUNNING")
                .contains(uploader.get("/api/imports/" + id).text("status")));
    }

    // ---- 3. If-Match ----

    @Test
    void if_match_star_applies_the_change_to_the_latest_version() {
        String id = member(department(unique("Star "), null), Map.of()).get("id").asText();
        assertThat(admin.patch("/api/members/" + id, Map.of("city", "Oslo"), "If-Match", "\"1\"").status()).isEqualTo(200);
        long started = System.nanoTime();
        Api.Response star = admin.patch("/api/members/" + id, Map.of("city", "Bergen"), "If-Match", "*");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(star.status()).as(String.valueOf(star.body())).isEqualTo(200);
        assertThat(star.header("ETag")).isEqualTo("\"3\"");
        assertThat(star.body().get("city").asText()).isEqualTo("Bergen");
    }

    @ParameterizedTest(name = "If-Match {0} is a malformed request on the If-Match header and changes nothing")
    @ValueSource(strings = {"\"abc\"", "W/\"x\"", "1", "\"1", "\"\"", "\"-1\"", "\"99999999999999999999\"", "\"1\", \"2\""})
    void a_malformed_if_match_is_a_malformed_request_and_changes_nothing(String ifMatch) {
        String id = member(department(unique("IfMatch "), null), Map.of()).get("id").asText();
        Api.Response answer = admin.patch("/api/members/" + id, Map.of("city", "Oslo"), "If-Match", ifMatch);
        assertProblem(answer, 400, "malformed_request", "If-Match");
        Api.Response after = admin.get("/api/members/" + id);
        assertThat(after.header("ETag")).isEqualTo("\"1\"");
        assertThat(after.body().get("city").isNull()).isTrue();
    }

    @Test
    void a_malformed_if_match_on_the_login_and_photo_endpoints_is_a_malformed_request_too() {
        String id = member(department(unique("IfMatch "), null), Map.of()).get("id").asText();
        assertProblem(admin.put("/api/members/" + id + "/login", Map.of("loginEmailType", "WORK_EMAIL"), "If-Match", "abc"),
                400, "malformed_request", "If-Match");
        assertProblem(admin.send("PUT", "/api/members/" + id + "/photo", new byte[]{(byte) 0x89, 'P', 'N', 'G'},
                "Content-Type", "image/png", "If-Match", "W/\"x\""), 400, "malformed_request", "If-Match");
        assertThat(admin.get("/api/members/" + id).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void a_quoted_version_in_if_match_still_guards_the_write() {
        String id = member(department(unique("IfMatch "), null), Map.of()).get("id").asText();
        Api.Response stale = admin.patch("/api/members/" + id, Map.of("city", "Oslo"), "If-Match", "\"3\"");
        assertProblem(stale, 412, "version_conflict", null);
        assertThat(admin.patch("/api/members/" + id, Map.of("city", "Oslo"), "If-Match", "\"1\"").status()).isEqualTo(200);
    }

    // ---- 4. paging ----

    @Test
    void a_member_page_number_that_would_overflow_the_skip_is_refused_on_page() {
        assertProblem(admin.get("/api/members?page=4294968&size=500"), 400, "malformed_request", "page");
        assertProblem(admin.get("/api/members?page=1000001&size=1"), 400, "malformed_request", "page");
    }

    @Test
    void the_last_allowed_member_page_is_empty_with_the_right_total() {
        String dept = department(unique("Paging "), null);
        member(dept, Map.of());
        member(dept, Map.of());
        Api.Response page = admin.get("/api/members?departmentId=" + dept + "&page=1000000&size=500");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("items")).isEmpty();
        assertThat(page.body().get("total").asLong()).isEqualTo(2);
        Api.Response first = admin.get("/api/members?departmentId=" + dept + "&page=0&size=500");
        assertThat(first.body().get("items")).hasSize(2);
    }

    @Test
    void a_member_page_past_the_end_of_the_directory_as_it_was_is_empty_and_overflow_is_refused() {
        String dept = department(unique("PagingAsOf "), null);
        member(dept, Map.of());
        String asOf = java.time.Instant.now().plusSeconds(1).toString();
        Api.Response past = admin.get("/api/members?departmentId=" + dept + "&asOf=" + asOf + "&page=1000000&size=500");
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.body().get("items")).isEmpty();
        assertProblem(admin.get("/api/members?departmentId=" + dept + "&asOf=" + asOf + "&page=4294968&size=500"),
                400, "malformed_request", "page");
    }

    @Test
    void an_audit_page_number_that_would_overflow_the_skip_is_refused_on_page() {
        assertProblem(admin.get("/api/audit?page=4294968&size=500"), 400, "malformed_request", "page");
    }

    @Test
    void the_last_allowed_audit_page_is_empty_with_the_right_total() {
        String id = member(department(unique("AuditPaging "), null), Map.of()).get("id").asText();
        Api.Response page = admin.get("/api/audit?memberId=" + id + "&page=1000000&size=500");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("items")).isEmpty();
        assertThat(page.body().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void a_page_number_beyond_an_int_is_a_malformed_request_on_page() {
        assertProblem(admin.get("/api/members?page=99999999999"), 400, "malformed_request", "page");
        assertProblem(admin.get("/api/audit?page=99999999999"), 400, "malformed_request", "page");
    }

    // ---- 5. download names ----

    @Test
    void an_export_with_a_German_name_is_downloaded_with_an_RFC_5987_file_name_and_an_ASCII_fallback() {
        String id = member(department(unique("Export "), null), Map.of()).get("id").asText();
        Api.Response file = exportFile(List.of(id), "Mitarbeiter-Übersicht");
        String disposition = file.header("Content-Disposition");
        assertThat(disposition).isNotNull().startsWith("attachment")
                .contains("filename*=UTF-8''Mitarbeiter-%C3%9Cbersicht.xlsx")
                .contains("filename=\"Mitarbeiter-Ubersicht.xlsx\"");
        assertThat(disposition.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    @Test
    void an_export_with_a_Chinese_name_is_downloaded_with_an_RFC_5987_file_name_and_an_ASCII_fallback() {
        String id = member(department(unique("Export "), null), Map.of()).get("id").asText();
        Api.Response file = exportFile(List.of(id), "成员");
        String disposition = file.header("Content-Disposition");
        assertThat(disposition).isNotNull().startsWith("attachment")
                .contains("filename*=UTF-8''%E6%88%90%E5%91%98.xlsx")
                .containsPattern("filename=\"[ -~]+\\.xlsx\"");
        assertThat(disposition.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    @Test
    void a_change_list_of_a_member_named_outside_ASCII_keeps_its_download_name() {
        Api.Response file = admin.get("/api/audit/export?memberId=" + URLEncoder.encode("成员", StandardCharsets.UTF_8));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Disposition")).isNotNull()
                .contains("filename*=UTF-8''history-%E6%88%90%E5%91%98.xlsx");
    }

    // ---- 6. JSON bodies ----

    @Test
    void malformed_JSON_is_a_malformed_request_in_every_body() {
        for (Body endpoint : bodies()) {
            assertBodyRefused(endpoint, "{\"name\": ", "malformed_request");
        }
    }

    @Test
    void ten_thousand_nested_arrays_are_a_malformed_request_in_every_body() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        for (Body endpoint : bodies()) {
            assertBodyRefused(endpoint, deep, "malformed_request");
            assertBodyRefused(endpoint, "{\"custom\": {\"x\": " + deep + "}}", null);
        }
    }

    @Test
    void deeply_nested_custom_values_of_a_new_member_are_a_malformed_request_and_create_nobody() {
        String dept = department(unique("Deep "), null);
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        Api.Response answer = admin.post("/api/members", "{\"name\": \"Deep\", \"workEmail\": \"" + unique("d")
                + "@example.com\", \"departmentIds\": [\"" + dept + "\"], \"custom\": {\"x\": " + deep + "}}");
        assertProblem(answer, 400, "malformed_request", null);
        assertThat(answer.text("detail")).contains("nested too deeply");
        assertThat(admin.get("/api/members?departmentId=" + dept).body().get("total").asLong()).isZero();
    }

    @Test
    void a_deeply_nested_merge_patch_is_a_malformed_request_and_changes_nothing() {
        String id = member(department(unique("Deep "), null), Map.of()).get("id").asText();
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertProblem(admin.patch("/api/members/" + id, "{\"custom\": {\"x\": " + deep + "}}"), 400, "malformed_request", null);
        assertProblem(admin.patch("/api/members/" + id, "{\"city\": " + deep + "}"), 400, "malformed_request", null);
        assertThat(admin.get("/api/members/" + id).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void an_unknown_property_is_refused_with_a_code_in_every_body() {
        for (Body endpoint : bodies()) {
            String body = endpoint.list() ? "[{\"noSuchProperty\": 1}]" : "{\"noSuchProperty\": 1}";
            assertBodyRefused(endpoint, body, null);
        }
    }

    @Test
    void a_body_of_the_wrong_type_is_a_malformed_request_in_every_body() {
        for (Body endpoint : bodies()) {
            assertBodyRefused(endpoint, endpoint.list() ? "{\"a\": 1}" : "[1, 2]", null);
            assertBodyRefused(endpoint, "\"just a string\"", null);
            assertBodyRefused(endpoint, "12", null);
            assertBodyRefused(endpoint, "null", null);
            assertBodyRefused(endpoint, "", null);
        }
    }

    @Test
    void a_property_of_the_wrong_type_is_a_malformed_request_naming_the_property() {
        String dept = department(unique("Types "), null);
        String id = member(dept, Map.of()).get("id").asText();
        assertProblem(admin.post("/api/members", "{\"name\": [\"a\"], \"departmentIds\": [\"" + dept + "\"]}"),
                400, "malformed_request", "name");
        assertProblem(admin.post("/api/members", "{\"name\": \"A\", \"departmentIds\": \"" + dept + "\", \"hidePhone\": {}}"),
                400, "malformed_request", null);
        assertProblem(admin.post("/api/departments", "{\"name\": {\"a\": 1}}"), 400, "malformed_request", "name");
        assertProblem(admin.put("/api/admins/" + unique("x-"), "{\"permissions\": [\"NO_SUCH_PERMISSION\"]}"),
                400, "malformed_request", null);
        assertProblem(admin.patch("/api/members/" + id, "{\"hidePhone\": \"maybe\"}"), 400, null, "hidePhone");
        assertProblem(admin.patch("/api/members/" + id, "{\"employmentDate\": 12}"), 400, null, "employmentDate");
        assertThat(admin.get("/api/members/" + id).header("ETag")).isEqualTo("\"1\"");
        assertThat(admin.get("/api/members?departmentId=" + dept).body().get("total").asLong()).isEqualTo(1);
    }

    // ---- helpers ----

    /** An endpoint that reads a JSON body. */
    private record Body(String method, String path, String contentType, boolean list) {
    }

    private List<Body> bodies() {
        String id = member(department(unique("Bodies "), null), Map.of()).get("id").asText();
        return List.of(
                new Body("POST", "/api/members", "application/json", false),
                new Body("PATCH", "/api/members/" + id, "application/merge-patch+json", false),
                new Body("PATCH", "/api/members/" + id, "application/json", false),
                new Body("PUT", "/api/members/" + id + "/login", "application/json", false),
                new Body("POST", "/api/departments", "application/json", false),
                new Body("POST", "/api/fields", "application/json", false),
                new Body("PATCH", "/api/fields/no-such-field", "application/json", false),
                new Body("PUT", "/api/fields/no-such-field/options", "application/json", true),
                new Body("PUT", "/api/admins/" + unique("hostile-"), "application/json", false),
                new Body("PUT", "/api/settings/contact-change-notifications", "application/json", false),
                new Body("POST", "/api/exports", "application/json", false),
                new Body("POST", "/api/admin/replays", "application/json", false));
    }

    private void assertBodyRefused(Body endpoint, String body, String code) {
        String memberId = endpoint.path().startsWith("/api/members/")
                ? endpoint.path().substring("/api/members/".length()).replace("/login", "") : null;
        String etag = memberId == null ? null : admin.get("/api/members/" + memberId).header("ETag");
        Api.Response answer = admin.send(endpoint.method(), endpoint.path(), body.getBytes(StandardCharsets.UTF_8),
                "Content-Type", endpoint.contentType());
        assertThat(answer.status()).as(endpoint + " with " + abbreviated(body) + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).as(endpoint.toString()).startsWith("application/problem+json");
        assertThat(answer.code()).as(endpoint + " with " + abbreviated(body)).isNotBlank();
        if (code != null) {
            assertThat(answer.code()).as(endpoint + " with " + abbreviated(body)).isEqualTo(code);
        }
        if (memberId != null) {
            assertThat(admin.get("/api/members/" + memberId).header("ETag")).isEqualTo(etag);
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 40 ? body.substring(0, 40) + "…" : body;
    }

    private static void assertProblem(Api.Response answer, int status, String code, String field) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.code()).isNotBlank();
        if (code != null) {
            assertThat(answer.code()).isEqualTo(code);
        }
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
        assertThat(answer.body().get("title").asText()).isNotBlank();
        assertThat(answer.body().get("detail").asText()).isNotBlank();
        if (field != null) {
            List<String> fields = new ArrayList<>();
            answer.body().get("errors").forEach(error -> fields.add(error.get("field").asText()));
            assertThat(fields).contains(field);
        }
    }

    private static void assertNothingQueued(Api uploader) {
        Api.Response imports = uploader.get("/api/imports");
        assertThat(imports.status()).isEqualTo(200);
        assertThat(imports.body().get("items")).isEmpty();
    }

    private Api.Response exportFile(List<String> ids, String fileName) {
        Api.Response started = admin.post("/api/exports", Map.of("selection", "SELECTED", "memberIds", ids, "fileName", fileName));
        assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(202);
        String id = started.text("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> !admin.get("/api/exports/" + id).text("status").equals("RUNNING"));
        JsonNode export = admin.get("/api/exports/" + id).body();
        assertThat(export.get("status").asText()).isEqualTo("SUCCEEDED");
        Api.Response file = admin.get("/api/exports/" + id + "/file");
        assertThat(file.status()).isEqualTo(200);
        return file;
    }

    private static byte[] headerAndOneRow() throws IOException {
        return workbook(List.of(List.of("Member ID", "Name"), List.of("no-such-member", "Nobody")));
    }

    private static byte[] workbook(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Members");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
