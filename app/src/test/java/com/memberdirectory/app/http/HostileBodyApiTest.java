package com.memberdirectory.app.http;

import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.app.support.DirectoryState;
import com.memberdirectory.app.support.RawUpload;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON bodies a hostile or careless client sends to the write endpoints (members, departments, fields): nested a
 * hundred thousand levels deep, megabytes long, with unknown or repeated properties, values of the wrong type, huge
 * numbers, control characters and half surrogate pairs. Each gets a 4xx problem+json naming the property, changes
 * nothing in the directory, and leaves the service taking ordinary edits.
 */
class HostileBodyApiTest extends ApiTest {

    private String dept;
    private String memberId;
    private String numberField;
    private String optionField;
    private DirectoryState before;

    @BeforeEach
    void directory() {
        dept = department(unique("Bodies "), null);
        memberId = member(dept, Map.of()).get("id").asText();
        numberField = unique("level");
        optionField = unique("colour");
        assertThat(admin.post("/api/fields", Map.of("key", numberField, "label", "Level " + numberField, "type", "NUMBER"))
                .status()).isEqualTo(201);
        assertThat(admin.post("/api/fields", Map.of("key", optionField, "label", "Colour " + optionField,
                "type", "SINGLE_OPTION", "options", List.of(Map.of("label", "Red")))).status()).isEqualTo(201);
        before = DirectoryState.of(admin);
    }

    /** The endpoints that take a JSON object, with an ordinary body to build hostile ones from. */
    private List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST", "/api/members", "{\"name\": \"Ann\", \"workEmail\": \"" + unique("a") + "@example.com\", "
                        + "\"departmentIds\": [\"" + dept + "\"], %s}", "name"),
                new Endpoint("PATCH", "/api/members/" + memberId, "{\"city\": \"Oslo\", %s}", "city"),
                new Endpoint("POST", "/api/departments", "{\"name\": \"" + unique("Dept ") + "\", %s}", "name"),
                new Endpoint("POST", "/api/fields", "{\"key\": \"" + unique("k") + "\", \"label\": \"" + unique("L ")
                        + "\", \"type\": \"TEXT\", %s}", "label"),
                new Endpoint("PATCH", "/api/fields/" + numberField, "{\"label\": \"" + unique("L ") + "\", %s}", "label"));
    }

    /** {@code text}: a text property the template already gives. */
    private record Endpoint(String method, String path, String template, String text) {

        String with(String property) {
            return template.formatted(property);
        }
    }

    @Test
    void a_hundred_thousand_nested_arrays_or_objects_are_a_malformed_request_everywhere() {
        String arrays = "[".repeat(100_000) + "]".repeat(100_000);
        String objects = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        for (Endpoint endpoint : endpoints()) {
            for (String deep : List.of(arrays, objects)) {
                assertProblem(send(endpoint, deep), 400, "malformed_request", null);
                // Inside a property: members read their custom values whatever their shape; elsewhere the property
                // is text, refused as soon as an array or object begins.
                String inside = endpoint.path().startsWith("/api/members") ? endpoint.with("\"custom\": " + deep)
                        : "{\"" + endpoint.text() + "\": " + deep + "}";
                assertProblem(send(endpoint, inside), 400, null, null);
            }
        }
        assertProblem(admin.send("PUT", "/api/fields/" + optionField + "/options", arrays.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json"), 400, "malformed_request", null);
        assertNothingChangedAndEditsWork();
    }

    @Test
    void megabytes_of_JSON_get_a_clear_answer() {
        String eightMegabytes = "x".repeat(8 << 20);
        assertProblem(send(endpoints().get(0), endpoints().get(0).with("\"surname\": \"" + eightMegabytes + "\"")),
                422, "invalid_value", "surname");
        assertProblem(admin.patch("/api/members/" + memberId, Map.of("city", eightMegabytes)), 422, "invalid_value", "city");
        assertProblem(admin.post("/api/departments", Map.of("name", eightMegabytes)), 422, "invalid_value", "name");
        assertProblem(admin.post("/api/fields", Map.of("key", unique("k"), "label", eightMegabytes, "type", "TEXT")),
                422, "invalid_value", "label");
        List<String> ids = IntStream.range(0, 200_000).mapToObj(i -> "00000000-0000-0000-0000-" + String.format("%012d", i)).toList();
        assertProblem(admin.patch("/api/members/" + memberId, Map.of("departmentIds", ids)), 422, "invalid_value", "departmentIds");
        // More than a JSON body may hold (10 MiB, docs/limits.md): refused by its Content-Length, before it is read.
        try (RawUpload tooLarge = RawUpload.json(port, Tokens.valid("admin"), "PATCH", "/api/members/" + memberId,
                21_000_000)) {
            String answer = tooLarge.wholeAnswer(Duration.ofSeconds(30));
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("payload_too_large");
        }
        assertNothingChangedAndEditsWork();
    }

    @Test
    void an_unknown_property_is_refused_naming_it() {
        for (Endpoint endpoint : endpoints()) {
            assertProblem(send(endpoint, endpoint.with("\"nickname\": \"Al\"")), 400, "unknown_property", "nickname");
        }
        assertProblem(admin.put("/api/fields/" + optionField + "/options", List.of(Map.of("label", "Red", "shade", "dark"))),
                400, "unknown_property", "[0].shade");
        assertNothingChangedAndEditsWork();
    }

    @Test
    void a_number_or_boolean_where_text_is_expected_is_refused_naming_the_property() {
        List<Endpoint> endpoints = endpoints();
        for (String value : List.of("12345", "1.5", "true")) {
            assertProblem(send(endpoints.get(0), endpoints.get(0).with("\"surname\": " + value)), 400, "malformed_request", "surname");
            assertProblem(send(endpoints.get(1), endpoints.get(1).with("\"surname\": " + value)), 400, "malformed_request", "surname");
        }
        assertProblem(admin.post("/api/members", "{\"name\": 12345, \"workEmail\": \"" + unique("n") + "@example.com\", "
                + "\"departmentIds\": [\"" + dept + "\"]}"), 400, "malformed_request", "name");
        assertProblem(admin.post("/api/members", "{\"name\": \"Ann\", \"phone\": 8613800138000, \"departmentIds\": [\"" + dept + "\"]}"),
                400, "malformed_request", "phone");
        assertProblem(admin.post("/api/members", "{\"name\": \"Ann\", \"workEmail\": \"" + unique("n") + "@example.com\", "
                + "\"departmentIds\": [1]}"), 400, "malformed_request", "departmentIds[0]");
        assertProblem(send(endpoints.get(0), endpoints.get(0).with("\"hidePhone\": \"true\"")), 400, "malformed_request", "hidePhone");
        assertProblem(send(endpoints.get(0), endpoints.get(0).with("\"hidePhone\": 1")), 400, "malformed_request", "hidePhone");
        assertProblem(send(endpoints.get(0), endpoints.get(0).with("\"gender\": 0")), 400, "malformed_request", "gender");
        assertProblem(admin.post("/api/departments", "{\"name\": 5}"), 400, "malformed_request", "name");
        assertProblem(admin.post("/api/fields", "{\"key\": \"" + unique("k") + "\", \"label\": true, \"type\": \"TEXT\"}"),
                400, "malformed_request", "label");
        assertProblem(admin.post("/api/fields", "{\"key\": \"" + unique("k") + "\", \"label\": \"Typed\", \"type\": 0}"),
                400, "malformed_request", "type");
        assertNothingChangedAndEditsWork();
    }

    @Test
    void huge_tiny_and_overlong_numbers_are_refused() {
        String field = "custom." + numberField;
        for (String number : List.of("1e999999999", "-1e999999999", "1e-999999999", "123456789012345678901234567890",
                "0.000000000000000000001")) {
            assertProblem(admin.patch("/api/members/" + memberId, "{\"custom\": {\"" + numberField + "\": " + number + "}}"),
                    422, "invalid_value", field);
            assertProblem(send(endpoints().get(0), endpoints().get(0).with("\"custom\": {\"" + numberField + "\": " + number + "}")),
                    422, "invalid_value", field);
        }
        // Longer than any number Jackson reads (1,000 digits): refused while it is parsed.
        assertProblem(admin.patch("/api/members/" + memberId, "{\"custom\": {\"" + numberField + "\": " + "9".repeat(2_000) + "}}"),
                400, "malformed_request", null);
        assertProblem(send(endpoints().get(0), endpoints().get(0).with("\"hidePhone\": 1e999999999")), 400, "malformed_request", "hidePhone");
        assertNothingChangedAndEditsWork();
    }

    @Test
    void a_property_given_twice_is_refused_naming_it() {
        for (Endpoint endpoint : endpoints()) {
            assertProblem(send(endpoint, endpoint.with("\"" + endpoint.text() + "\": \"Other\"")), 400, "malformed_request",
                    endpoint.text());
        }
        assertProblem(admin.patch("/api/members/" + memberId, "{\"custom\": {\"" + numberField + "\": 1, \"" + numberField + "\": 2}}"),
                400, "malformed_request", "custom." + numberField);
        assertNothingChangedAndEditsWork();
    }

    @Test
    void control_characters_and_half_surrogate_pairs_are_refused_in_every_text_property() {
        List<String> memberTexts = List.of("name", "surname", "firstName", "alias", "userId", "workEmail", "businessEmail",
                "seatId", "employeeId", "city");
        // JSON escapes as a client sends them, so they reach the server as these characters
        for (String escape : List.of("\\u0000", "\\u001b", "\\u009f", "\\uffff", "\\udc00", "\\ud800x")) {
            for (String property : memberTexts) {
                assertProblem(admin.patch("/api/members/" + memberId, "{\"" + property + "\": \"ab" + escape + "cd\"}"),
                        422, null, property);
            }
            assertProblem(admin.post("/api/departments", "{\"name\": \"Sa" + escape + "les\"}"), 422, "invalid_value", "name");
            assertProblem(admin.post("/api/fields", "{\"key\": \"" + unique("k") + "\", \"label\": \"La" + escape + "bel\", "
                    + "\"type\": \"TEXT\"}"), 422, "invalid_value", "label");
            assertProblem(admin.patch("/api/fields/" + numberField, "{\"label\": \"La" + escape + "bel\"}"), 422, "invalid_value", "label");
            assertProblem(admin.put("/api/fields/" + optionField + "/options", "[{\"label\": \"Red\"}, {\"label\": \"Bl" + escape + "ue\"}]"),
                    422, "invalid_value", "options");
            assertProblem(admin.post("/api/fields", "{\"key\": \"" + unique("k") + "\", \"label\": \"" + unique("L ") + "\", "
                    + "\"type\": \"MULTI_OPTION\", \"options\": [{\"label\": \"Gr" + escape + "een\"}]}"), 422, "invalid_value", "options");
        }
        assertNothingChangedAndEditsWork();
    }

    private Api.Response send(Endpoint endpoint, String body) {
        return admin.send(endpoint.method(), endpoint.path(), body.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");
    }

    private void assertNothingChangedAndEditsWork() {
        before.assertSame(admin);
        DirectoryState.assertEditsStillWork(admin, memberId);
    }

    private static void assertProblem(Api.Response answer, int status, String code, String field) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.code()).isNotBlank();
        if (code != null) {
            assertThat(answer.code()).as(String.valueOf(answer.body())).isEqualTo(code);
        }
        assertThat(answer.body().get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(fields(answer)).as(String.valueOf(answer.body())).contains(field);
        }
    }

    private static List<String> fields(Api.Response answer) {
        List<String> fields = new ArrayList<>();
        answer.body().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
