package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.kernel.workbook.MemberColumns;
import com.memberdirectory.testsupport.Api;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Values meant to break the directory are refused where they enter, and old ones already recorded do no harm. */
class HostileInputApiTest extends ApiTest {

    /** Well below the 30 s a write waits for a stalled member list before answering 503. */
    private static final Duration AT_ONCE = Duration.ofSeconds(10);

    @Autowired
    DataSource eventStore;

    @Test
    void an_employment_date_in_year_999999999_is_refused_and_the_list_keeps_answering() {
        String dept = department(unique("Dates"), null);
        Api.Response far = admin.post("/api/members", newMember(dept, Map.of("employmentDate", "+999999999-12-31")));
        assertThat(far.status()).as(String.valueOf(far.body())).isEqualTo(422);
        assertThat(far.code()).isEqualTo("invalid_value");
        assertThat(far.text("/errors/0/field")).isEqualTo("employmentDate");
        assertThat(admin.post("/api/members", newMember(dept, Map.of("employmentDate", "1899-12-31"))).status()).isEqualTo(422);

        JsonNode first = member(dept, Map.of("employmentDate", "1900-01-01"));
        JsonNode last = member(dept, Map.of("employmentDate", "2100-12-31"));
        assertThat(first.get("employmentDate").asText()).isEqualTo("1900-01-01");
        assertThat(last.get("employmentDate").asText()).isEqualTo("2100-12-31");
        Api.Response later = admin.patch("/api/members/" + first.get("id").asText(), Map.of("employmentDate", "2101-01-01"));
        assertThat(later.status()).isEqualTo(422);
        assertThat(later.text("/errors/0/field")).isEqualTo("employmentDate");
        assertThat(admin.get("/api/members?departmentId=" + dept).body().get("total").asInt()).isEqualTo(2);
    }

    @Test
    void dates_numbers_and_option_lists_of_custom_fields_stay_in_range() {
        String dept = department(unique("Custom"), null);
        String id = member(dept, Map.of()).get("id").asText();
        String since = unique("since");
        String level = unique("level");
        String skills = unique("skills");
        admin.post("/api/fields", Map.of("key", since, "label", "Since " + since, "type", "DATE"));
        admin.post("/api/fields", Map.of("key", level, "label", "Level " + level, "type", "NUMBER"));
        admin.post("/api/fields", Map.of("key", skills, "label", "Skills " + skills, "type", "MULTI_OPTION",
                "options", IntStream.range(0, 101).mapToObj(i -> Map.of("label", "S" + i)).toList()));

        assertRefused(admin.patch("/api/members/" + id, Map.of("custom", Map.of(since, "+999999999-12-31"))), "custom." + since);
        for (String number : List.of("1e999999999", "1e-999999999", "NaN", "Infinity", "1000000000000001")) {
            assertRefused(admin.patch("/api/members/" + id, Map.of("custom", Map.of(level, number))), "custom." + level);
        }
        assertRefused(admin.patch("/api/members/" + id,
                Map.of("custom", Map.of(skills, IntStream.range(0, 101).mapToObj(i -> "S" + i).toList()))), "custom." + skills);

        JsonNode kept = admin.patch("/api/members/" + id, Map.of("custom", Map.of(since, "2024-03-01", level, "-1000000000000000",
                skills, IntStream.range(0, 100).mapToObj(i -> "S" + i).toList()))).body();
        assertThat(kept.at("/custom/" + since).asText()).isEqualTo("2024-03-01");
        assertThat(kept.at("/custom/" + level).decimalValue()).isEqualByComparingTo("-1e15");
        assertThat(kept.at("/custom/" + skills)).hasSize(100);
    }

    @Test
    void names_with_control_characters_noncharacters_or_half_a_surrogate_pair_are_refused() {
        String dept = department(unique("Text"), null);
        String id = member(dept, Map.of()).get("id").asText();
        // the JSON escapes as a client sends them, so they reach the server as these characters
        for (String escape : List.of("\\u0000", "\\u000b", "\\u0085", "\\ufffe", "\\ud800")) {
            String name = "Ali" + escape + "ce";
            Api.Response created = admin.post("/api/members", "{\"name\":\"" + name + "\",\"workEmail\":\""
                    + unique("t") + "@example.com\",\"departmentIds\":[\"" + dept + "\"]}");
            assertRefused(created, "name");
            assertRefused(admin.patch("/api/members/" + id, "{\"city\":\"Li" + escape + "ma\"}"), "city");
            assertRefused(admin.patch("/api/members/" + id, "{\"alias\":\"" + name + "\"}"), "alias");
        }
        JsonNode plain = admin.patch("/api/members/" + id, "{\"city\":\"S\\u00e3o Paulo \\ud83c\\udf07\"}").body();
        assertThat(plain.get("city").asText()).as("letters and emoji outside ASCII are fine").isEqualTo("São Paulo \uD83C\uDF07");
    }

    @Test
    void a_thousand_dotted_line_managers_or_departments_are_refused_at_once() {
        String dept = department(unique("Lists"), null);
        String id = member(dept, Map.of()).get("id").asText();
        List<String> thousand = IntStream.range(0, 1000).mapToObj(i -> UUID.randomUUID().toString()).toList();

        long started = System.nanoTime();
        Api.Response managers = admin.patch("/api/members/" + id, Map.of("dottedLineManagerIds", thousand));
        Api.Response departments = admin.patch("/api/members/" + id, Map.of("departmentIds", thousand));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(AT_ONCE);

        assertRefused(managers, "dottedLineManagerIds");
        assertThat(managers.body().get("detail").asText()).contains("10");
        assertRefused(departments, "departmentIds");
        assertThat(departments.body().get("detail").asText()).contains("50");
    }

    @Test
    void a_data_folder_holding_an_employment_date_in_year_999999999_recovers() throws Exception {
        String dept = department(unique("Legacy"), null);
        String legacy = UUID.randomUUID().toString();
        // recorded before dates were limited: appended as the event store holds it
        String payload = "{\"memberId\":\"" + legacy + "\",\"name\":\"Far Future\",\"surname\":null,\"firstName\":null,"
                + "\"alias\":null,\"userId\":\"far-" + legacy.substring(0, 6) + "\",\"workEmail\":null,\"businessEmail\":null,"
                + "\"phone\":\"" + uniquePhone() + "\",\"hidePhone\":false,\"gender\":\"UNSPECIFIED\",\"departmentIds\":[\""
                + dept + "\"],\"seatId\":null,\"employeeId\":null,\"employmentDate\":\"+999999999-12-31\","
                + "\"countryRegion\":null,\"city\":null,\"managerId\":null,\"dottedLineManagerIds\":[],"
                + "\"loginEmailType\":\"WORK_EMAIL\",\"loginEmail\":null}";
        try (var connection = eventStore.getConnection(); var insert = connection.prepareStatement(
                "INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, "
                        + "payloadType, payloadRevision, payload, metaData) VALUES (?, ?, 0, 'Member', ?, ?, '2', ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, legacy);
            insert.setString(3, Instant.now().toString());
            insert.setString(4, "com.memberdirectory.kernel.member.MemberCreated");
            insert.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(6, "{\"actor\":\"admin\",\"source\":\"API\"}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
        await().atMost(AT_ONCE).untilAsserted(() -> assertThat(admin.get("/api/members/" + legacy).status()).isEqualTo(200));
        assertThat(admin.get("/api/members/" + legacy).body().get("employmentDate").isNull())
                .as("a date the list cannot hold is shown as none").isTrue();

        long started = System.nanoTime();
        Api.Response other = admin.post("/api/members", newMember(dept, Map.of("name", "Someone Else")));
        assertThat(other.status()).as(String.valueOf(other.body())).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a write by someone else").isLessThan(AT_ONCE);
        assertThat(admin.get("/api/members?departmentId=" + dept).body().get("items"))
                .extracting(item -> item.get("name").asText()).containsExactlyInAnyOrder("Far Future", "Someone Else");

        Api.Response fixed = admin.patch("/api/members/" + legacy, Map.of("employmentDate", "2020-02-02"));
        assertThat(fixed.status()).as("the member can be given a proper date").isEqualTo(200);
        assertThat(fixed.body().get("employmentDate").asText()).isEqualTo("2020-02-02");
    }

    @Test
    void an_imported_row_with_an_employment_date_beyond_2100_is_a_row_error() throws IOException {
        String dept = department(unique("ImportDates"), null);
        String id = member(dept, Map.of("name", "Dated Row")).get("id").asText();
        byte[] edited;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export(id)))) {
            Sheet sheet = workbook.getSheet("Members");
            Map<String, Integer> columns = header(sheet.getRow(0));
            Row row = sheet.getRow(1);
            row.createCell(columns.get(MemberColumns.EMPLOYMENT_DATE)).setCellValue("2200-01-01");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            edited = out.toByteArray();
        }
        Api.Response queued = admin.upload("/api/imports", "dates.xlsx", edited);
        assertThat(queued.status()).as(String.valueOf(queued.body())).isEqualTo(202);
        String importId = queued.text("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> !List.of("QUEUED", "RUNNING")
                .contains(admin.get("/api/imports/" + importId).text("status")));
        JsonNode done = admin.get("/api/imports/" + importId).body();
        assertThat(done.get("failedRows").asInt()).isEqualTo(1);
        try (XSSFWorkbook report = new XSSFWorkbook(new ByteArrayInputStream(admin.get(done.get("errorReportUrl").asText()).raw()))) {
            Sheet sheet = report.getSheet("Members");
            Map<String, Integer> columns = header(sheet.getRow(0));
            assertThat(new DataFormatter().formatCellValue(sheet.getRow(1).getCell(columns.get("Errors")))).contains("2100-12-31");
        }
        assertThat(admin.get("/api/members/" + id).body().get("employmentDate").isNull()).isTrue();
    }

    private static Map<String, Object> newMember(String dept, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of("name", unique("Member "), "workEmail", unique("h") + "@example.com",
                "departmentIds", List.of(dept)));
        body.putAll(more);
        return body;
    }

    private static void assertRefused(Api.Response response, String field) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(422);
        assertThat(response.code()).isEqualTo("invalid_value");
        assertThat(response.text("/errors/0/field")).isEqualTo(field);
    }

    private byte[] export(String memberId) {
        Api.Response started = admin.post("/api/exports", Map.of("selection", "SELECTED", "memberIds", List.of(memberId),
                "fileName", "dates"));
        assertThat(started.status()).isEqualTo(202);
        String id = started.text("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> !admin.get("/api/exports/" + id).text("status").equals("RUNNING"));
        return admin.get("/api/exports/" + id + "/file").raw();
    }

    private static Map<String, Integer> header(Row row) {
        Map<String, Integer> columns = new HashMap<>();
        for (Cell cell : row) {
            columns.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
        return columns;
    }
}
