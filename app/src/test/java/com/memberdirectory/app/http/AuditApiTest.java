package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AuditApiTest extends ApiTest {

    @Autowired
    DataSource eventStore;

    @Test
    void auditors_filter_the_change_list_by_member_field_actor_and_time() {
        String member = member(department(unique("D"), null), Map.of()).get("id").asText();
        Instant before = Instant.now();
        String subject = unique("auditor-admin-");
        admin.put("/api/admins/" + subject, Map.of("permissions", List.of("MEMBER_AND_DEPARTMENT")));
        as(subject).patch("/api/members/" + member, Map.of("city", "Lima"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(admin.get("/api/audit?memberId=" + member + "&field=city").body().get("total").asInt()).isEqualTo(1));
        JsonNode entry = admin.get("/api/audit?memberId=" + member + "&field=city").body().get("items").get(0);
        assertThat(entry.get("actor").asText()).isEqualTo(subject);
        assertThat(entry.get("source").asText()).isEqualTo("API");
        assertThat(entry.get("changes").get(0).get("after").asText()).isEqualTo("Lima");
        assertThat(admin.get("/api/audit?actor=" + subject).body().get("total").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/audit?memberId=" + member + "&from=" + before).body().get("total").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/audit?memberId=" + member + "&to=" + before).body().get("items").get(0).get("type").asText())
                .isEqualTo("MemberCreated");
        assertThat(admin.get("/api/audit?memberId=" + member + "&order=asc").body().get("items").get(0).get("type").asText())
                .isEqualTo("MemberCreated");
        Api.Response workbook = admin.get("/api/audit/export?memberId=" + member);
        assertThat(workbook.status()).isEqualTo(200);
        assertThat(workbook.raw()).startsWith((byte) 'P', (byte) 'K');
        assertThat(as(unique("nobody")).get("/api/audit").status()).isEqualTo(403);
    }

    @Test
    void a_scoped_admin_sees_only_changes_of_members_in_scope() {
        String mine = department(unique("Mine"), null);
        String theirs = department(unique("Theirs"), null);
        String inScope = member(mine, Map.of()).get("id").asText();
        String outOfScope = member(theirs, Map.of()).get("id").asText();
        String subject = unique("scoped-auditor-");
        admin.put("/api/admins/" + subject, Map.of("permissions", List.of("MEMBER_AND_DEPARTMENT"), "departmentIds", List.of(mine)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(as(subject).get("/api/audit?memberId=" + inScope).body().get("total").asInt()).isEqualTo(1));
        assertThat(as(subject).get("/api/audit?memberId=" + outOfScope).body().get("total").asInt()).isZero();
    }

    @Test
    void a_member_and_the_directory_can_be_seen_as_they_were() throws InterruptedException {
        String dept = department(unique("D"), null);
        JsonNode member = member(dept, Map.of("name", "Original"));
        String id = member.get("id").asText();
        Thread.sleep(5);
        Instant then = Instant.now();
        Thread.sleep(5);
        admin.patch("/api/members/" + id, Map.of("name", "Changed"));
        JsonNode past = admin.get("/api/members/" + id + "?asOf=" + then).body();
        assertThat(past.get("name").asText()).isEqualTo("Original");
        assertThat(past.get("version").asLong()).isEqualTo(1);
        JsonNode directory = admin.get("/api/members?departmentId=" + dept + "&asOf=" + then).body();
        assertThat(directory.get("items").findValuesAsText("name")).containsExactly("Original");
        assertThat(admin.get("/api/members/" + id + "?asOf=2000-01-01T00:00:00Z").status()).isEqualTo(404);
    }

    @Test
    void a_replay_rebuilds_the_member_list_equal_to_the_old_one_while_it_keeps_answering() {
        String dept = department(unique("D"), null);
        String id = member(dept, Map.of()).get("id").asText();
        admin.patch("/api/members/" + id, Map.of("city", "Rome"));
        assertThat(as(unique("x")).post("/api/admin/replays", Map.of("projection", "members")).status()).isEqualTo(403);
        assertThat(admin.post("/api/admin/replays", Map.of("projection", "nope")).status()).isEqualTo(400);
        Api.Response started = admin.post("/api/admin/replays", Map.of("projection", "members"));
        assertThat(started.status()).isEqualTo(202);
        assertThat(admin.get("/api/members/" + id).status()).as("queries keep answering").isEqualTo(200);
        String replay = started.text("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> !admin.get("/api/admin/replays/" + replay).text("status").equals("RUNNING"));
        JsonNode done = admin.get("/api/admin/replays/" + replay).body();
        assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(done.get("equal").asBoolean()).isTrue();
        assertThat(done.get("mismatches").asLong()).isZero();
        assertThat(admin.get("/api/members/" + id).body().get("city").asText()).isEqualTo("Rome");
        assertThat(admin.patch("/api/members/" + id, Map.of("city", "Milan")).body().get("city").asText())
                .as("the live projection resumed").isEqualTo("Milan");

        // a second replay in the same run: the first one's collection was renamed into place (with its index maps,
        // in the embedded read-model store), and the next rebuild starts from a collection of that name afresh
        String again = admin.post("/api/admin/replays", Map.of("projection", "members")).text("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> !admin.get("/api/admin/replays/" + again).text("status").equals("RUNNING"));
        JsonNode second = admin.get("/api/admin/replays/" + again).body();
        assertThat(second.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(second.get("equal").asBoolean()).isTrue();
        assertThat(admin.get("/api/members/" + id).body().get("city").asText()).isEqualTo("Milan");
    }

    @Test
    void a_member_created_event_of_the_first_revision_still_loads() throws Exception {
        String dept = department(unique("D"), null);
        String id = UUID.randomUUID().toString();
        String payload = "{\"memberId\":\"" + id + "\",\"name\":\"Old Shape\",\"userId\":\"old-" + id.substring(0, 6)
                + "\",\"workEmail\":null,\"phone\":\"+8613700000000\",\"departmentIds\":[\"" + dept
                + "\"],\"loginEmailType\":\"WORK_EMAIL\",\"loginEmail\":null}";
        try (var connection = eventStore.getConnection(); var insert = connection.prepareStatement(
                "INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, "
                        + "payloadType, payloadRevision, payload, metaData) VALUES (?, ?, 0, 'Member', ?, ?, '1', ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, id);
            insert.setString(3, Instant.now().toString());
            insert.setString(4, "com.memberdirectory.kernel.member.MemberCreated");
            insert.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(6, "{\"actor\":\"admin\",\"source\":\"API\"}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.get("/api/members/" + id).status()).isEqualTo(200));
        JsonNode member = admin.get("/api/members/" + id).body();
        assertThat(member.get("name").asText()).isEqualTo("Old Shape");
        assertThat(member.get("gender").asText()).isEqualTo("UNSPECIFIED");
        assertThat(member.get("hidePhone").asBoolean()).isFalse();
        assertThat(admin.patch("/api/members/" + id, Map.of("city", "Kyiv")).status()).as("the aggregate loads it too").isEqualTo(200);
    }
}
