package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.testsupport.Api;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding each read model from the events (docs/rebuilds.md): after a workload that touches it, the rebuilt read
 * model equals the live one and the HTTP answers are the same before and after; a difference planted in a live
 * collection is reported and repaired; queries answer while a rebuild runs.
 */
class ReadModelRebuildApiTest extends ApiTest {

    private static final List<String> READ_MODELS =
            List.of("admins", "asof", "audit", "changes", "departments", "fields", "imports", "members", "notifications",
                    "search");

    @Autowired
    MongoTemplate mongo;

    @Test
    void each_read_model_rebuilt_equals_the_live_one_and_answers_the_same() throws Exception {
        String parent = department(unique("Rebuilt"), null);
        String child = department(unique("Child"), parent);
        String member = member(child, Map.of()).get("id").asText();
        admin.patch("/api/members/" + member, Map.of("city", "Rome"));
        admin.patch("/api/members/" + member, Map.of("city", "Oslo"));
        String grantee = unique("grantee-");
        admin.put("/api/admins/" + grantee, Map.of("permissions", List.of("MEMBER_AND_DEPARTMENT"), "departmentIds", List.of(parent)));
        admin.delete("/api/admins/" + grantee);
        admin.put("/api/admins/" + grantee, Map.of("permissions", List.of("MEMBER_AND_DEPARTMENT", "PROVISIONING"),
                "departmentIds", List.of(child)));
        String field = unique("lvl").replace("-", "");
        admin.post("/api/fields", Map.of("key", field, "label", "Level " + field, "type", "NUMBER"));
        String failedImport = importAHeadlessWorkbook();

        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("members", "/api/members/" + member);
        reads.put("audit", "/api/audit?memberId=" + member);
        reads.put("departments", "/api/departments");
        reads.put("admins", "/api/admins");
        reads.put("fields", "/api/fields");
        reads.put("imports", "/api/imports/" + failedImport);
        reads.put("notifications", "/api/notifications?memberId=" + member);
        reads.put("search", "/api/members?departmentId=" + parent + "&q=" + admin.get("/api/members/" + member).text("userId"));
        reads.put("asof", "/api/members?departmentId=" + parent + "&asOf=" + java.time.Instant.now());
        reads.put("changes", "/api/audit?memberId=" + member + "&field=city");

        assertThat(admin.post("/api/admin/replays", Map.of("projection", "nope")).status()).isEqualTo(400);
        for (String readModel : READ_MODELS) {
            String path = reads.get(readModel);
            Api.Response before = admin.get(path);
            assertThat(before.status()).as(path).isEqualTo(200);

            Api.Response started = admin.post("/api/admin/replays", Map.of("projection", readModel));
            assertThat(started.status()).isEqualTo(202);
            assertThat(admin.get(path).status()).as("queries keep answering during the rebuild of " + readModel).isEqualTo(200);
            JsonNode done = finished(started.text("id"));

            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
            assertThat(done.get("equal").asBoolean()).as(done.toString()).isTrue();
            assertThat(done.get("readModels")).hasSize(1);
            JsonNode result = done.get("results").get(0);
            assertThat(result.get("projection").asText()).isEqualTo(readModel);
            assertThat(result.get("equal").asBoolean()).isTrue();
            assertThat(result.get("missing").asLong() + result.get("extra").asLong() + result.get("different").asLong()).isZero();
            if (readModel.equals("search") || readModel.equals("asof")) {
                assertThat(admin.get(path).body().get("total").asLong()).as("the member is found").isEqualTo(1);
            }
            if (readModel.equals("changes")) {
                assertThat(admin.get(path).body().get("total").asLong()).as("both city changes are found").isEqualTo(2);
            }
            if (!readModel.equals("notifications")) {
                assertThat(result.get("documents").asLong()).as(readModel + " has documents").isPositive();
            }
            assertThat(admin.get(path).body()).as("%s answers the same after its rebuild", path).isEqualTo(before.body());
        }

        assertThat(admin.patch("/api/members/" + member, Map.of("city", "Lima")).text("city"))
                .as("the live projections resumed").isEqualTo("Lima");
        assertThat(admin.post("/api/departments", Map.of("name", unique("After"), "parentId", parent)).status()).isEqualTo(201);
        assertThat(admin.get("/api/audit?memberId=" + member).body().get("items").toString()).contains("Lima");
    }

    @Test
    void a_rebuild_of_all_reports_a_planted_difference_and_repairs_it() {
        String name = unique("Original");
        String department = department(name, null);
        mongo.getCollection("departments").updateOne(Filters.eq("_id", department), Updates.set("name", "Tampered"));
        mongo.getCollection("notifications").insertOne(new Document("_id", "planted-" + department)
                .append("memberId", "nobody").append("status", "PENDING"));
        assertThat(departmentName(department)).isEqualTo("Tampered");

        JsonNode done = finished(admin.post("/api/admin/replays", Map.of("projection", "all")).text("id"));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("equal").asBoolean()).isFalse();
        List<String> rebuilt = new ArrayList<>();
        done.get("readModels").forEach(n -> rebuilt.add(n.asText()));
        assertThat(rebuilt).containsExactlyElementsOf(READ_MODELS);
        Map<String, JsonNode> results = new LinkedHashMap<>();
        done.get("results").forEach(r -> results.put(r.get("projection").asText(), r));
        assertThat(results.keySet()).containsExactlyInAnyOrderElementsOf(READ_MODELS);
        assertThat(results.get("departments").get("different").asLong()).isEqualTo(1);
        assertThat(results.get("departments").get("examples").toString()).contains("different: " + department);
        assertThat(results.get("notifications").get("missing").asLong()).isEqualTo(1);
        assertThat(results.get("notifications").get("examples").toString()).contains("missing: planted-" + department);
        results.forEach((readModel, result) -> {
            if (!readModel.equals("departments") && !readModel.equals("notifications")) {
                assertThat(result.get("equal").asBoolean()).as(result.toString()).isTrue();
            }
        });
        assertThat(done.get("mismatches").asLong()).isEqualTo(2);

        assertThat(departmentName(department)).as("the rebuilt departments are live").isEqualTo(name);
        assertThat(mongo.getCollection("notifications").countDocuments(Filters.eq("_id", "planted-" + department))).isZero();
        JsonNode again = finished(admin.post("/api/admin/replays", Map.of("projection", "all")).text("id"));
        assertThat(again.get("equal").asBoolean()).as(again.toString()).isTrue();
    }

    @Test
    void writes_while_a_rebuild_runs_are_accepted_shown_afterwards_and_are_no_difference() throws Exception {
        String department = department(unique("Busy"), null);
        String member = member(department, Map.of()).get("id").asText();
        String replay = admin.post("/api/admin/replays", Map.of("projection", "all")).text("id");
        List<String> cities = new ArrayList<>();
        List<String> departments = new ArrayList<>();
        int round = 0;
        while (admin.get("/api/admin/replays/" + replay).text("status").equals("RUNNING") || round < 3) {
            String city = "City " + round++;
            Api.Response patched = admin.patch("/api/members/" + member, Map.of("city", city));
            assertThat(patched.status()).as("a write during the rebuild").isEqualTo(200);
            assertThat(patched.text("city")).isEqualTo(city);
            cities.add(city);
            departments.add(department(unique("During"), department));
        }
        JsonNode done = finished(replay);

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("equal").asBoolean()).as("the comparison is made at one position of both: " + done).isTrue();
        assertThat(admin.get("/api/members/" + member).text("city")).isEqualTo(cities.get(cities.size() - 1));
        assertThat(admin.get("/api/departments").body().get("items").toString()).contains(departments);
        assertThat(admin.get("/api/audit?memberId=" + member + "&size=200").body().get("items").toString())
                .contains(cities);
    }

    @Test
    void the_accepted_names_are_in_the_openapi_description_and_an_unknown_one_is_named() {
        Api.Response unknown = admin.post("/api/admin/replays", Map.of("projection", "search-index"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").get(0).get("field").asText()).isEqualTo("projection");
        assertThat(unknown.body().get("errors").get(0).get("message").asText()).contains("departments", "all");
        assertThat(admin.post("/api/admin/replays", Map.of()).status()).isEqualTo(400);

        JsonNode schema = anonymous().get("/v3/api-docs").body().get("components").get("schemas").get("ReplayRequest");
        List<String> documented = new ArrayList<>();
        schema.get("properties").get("projection").get("enum").forEach(n -> documented.add(n.asText()));
        List<String> accepted = new ArrayList<>(READ_MODELS);
        accepted.add("all");
        assertThat(documented).containsExactlyInAnyOrderElementsOf(accepted);
    }

    private String departmentName(String id) {
        for (JsonNode d : admin.get("/api/departments").body().get("items")) {
            if (d.get("id").asText().equals(id)) {
                return d.get("name").asText();
            }
        }
        throw new AssertionError("no department " + id);
    }

    private JsonNode finished(String replay) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> !admin.get("/api/admin/replays/" + replay).text("status").equals("RUNNING"));
        return admin.get("/api/admin/replays/" + replay).body();
    }

    /** An import that fails (its header names no column): it still has its entry in the import history. */
    private String importAHeadlessWorkbook() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Members");
            sheet.createRow(0).createCell(0).setCellValue("Favourite colour");
            sheet.createRow(1).createCell(0).setCellValue("blue");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            String id = admin.upload("/api/imports", "colours.xlsx", out.toByteArray()).text("id");
            await().atMost(Duration.ofSeconds(20)).until(() -> !List.of("QUEUED", "RUNNING")
                    .contains(admin.get("/api/imports/" + id).text("status")));
            return id;
        }
    }
}
