package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.app.support.PoisonedMembers;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.query.support.ProcessingGroups;
import com.memberdirectory.testsupport.Api;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An event a projection fails on is dead-lettered: it stops nothing but its own entry's later events. */
class DeadLetterApiTest extends ApiTest {

    /** Far below the 30 s read-your-writes limit. */
    private static final Duration AT_ONCE = Duration.ofSeconds(10);

    @Test
    void a_poisoned_event_is_dead_lettered_others_go_on_and_a_retry_after_the_fix_clears_it() {
        String dept = department(unique("Dead letters"), null);
        String poisoned = unique("Poisoned ");
        PoisonedMembers.NAMES.add(poisoned);
        try {
            long started = System.nanoTime();
            Api.Response created = admin.post("/api/members", Map.of("name", poisoned,
                    "workEmail", unique("p") + "@example.com", "departmentIds", List.of(dept)));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the write answers at once").isLessThan(AT_ONCE);
            assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(503);
            assertThat(created.code()).isEqualTo("projection_failed");
            String id = deadLetteredMember(poisoned);
            assertThat(created.body().get("detail").asText()).contains(id).contains("members");

            // someone else's write is not held up, and shows in the list
            started = System.nanoTime();
            Api.Response other = admin.post("/api/members", Map.of("name", "Someone Else",
                    "workEmail", unique("o") + "@example.com", "departmentIds", List.of(dept)));
            assertThat(other.status()).as(String.valueOf(other.body())).isEqualTo(201);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(AT_ONCE);
            assertThat(admin.get("/api/members?departmentId=" + dept).body().get("items"))
                    .extracting(item -> item.get("name").asText()).containsExactly("Someone Else");

            // the poisoned member's later change waits behind its dead letter, and says so at once
            started = System.nanoTime();
            Api.Response patched = admin.patch("/api/members/" + id, Map.of("city", "Lyon"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(AT_ONCE);
            assertThat(patched.status()).as(String.valueOf(patched.body())).isEqualTo(503);
            assertThat(patched.code()).isEqualTo("projection_failed");
            JsonNode sequence = await().atMost(AT_ONCE).until(() -> sequence(id), s -> s != null && s.get("size").asLong() == 2);
            JsonNode first = sequence.get("letters").get(0);
            assertThat(first.get("eventType").asText()).isEqualTo(MemberCreated.class.getName());
            assertThat(first.get("aggregateId").asText()).isEqualTo(id);
            assertThat(first.get("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
            assertThat(first.get("cause").asText()).contains(poisoned);
            assertThat(first.get("retries").asLong()).isZero();
            assertThat(sequence.get("letters").get(1).get("aggregateId").asText()).isEqualTo(id);

            // health: DEGRADED, still 200; the gauge counts the letters
            Api.Response health = anonymous().get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.text("status")).isEqualTo("DEGRADED");
            Api.Response gauge = as("ops-robot").get("/actuator/metrics/directory.dead_letters?tag=processing_group:members");
            assertThat(gauge.status()).isEqualTo(200);
            assertThat(gauge.body().get("measurements").get(0).get("value").asDouble()).isEqualTo(2.0);

            // a retry while the cause is still there keeps the letters and counts the retry
            Api.Response again = admin.post("/api/admin/dead-letters/members/retry", Map.of());
            assertThat(again.status()).as(String.valueOf(again.body())).isEqualTo(200);
            assertThat(again.body().get("remaining").asLong()).isEqualTo(2);
            assertThat(sequence(id).get("letters").get(0).get("retries").asLong()).isEqualTo(1);

            // the cause removed, a retry of the sequence brings the member and its change into the list
            PoisonedMembers.NAMES.remove(poisoned);
            Api.Response retried = admin.post("/api/admin/dead-letters/members/retry?sequenceId=" + id, Map.of());
            assertThat(retried.status()).as(String.valueOf(retried.body())).isEqualTo(200);
            assertThat(retried.body().get("remaining").asLong()).isZero();
            assertThat(sequence(id)).isNull();
            Api.Response member = admin.get("/api/members/" + id);
            assertThat(member.status()).isEqualTo(200);
            assertThat(member.text("city")).isEqualTo("Lyon");
            assertThat(anonymous().get("/actuator/health").text("status")).isEqualTo("UP");
            Api.Response later = admin.patch("/api/members/" + id, Map.of("city", "Nice"));
            assertThat(later.status()).as(String.valueOf(later.body())).isEqualTo(200);
        } finally {
            PoisonedMembers.NAMES.remove(poisoned);
        }
    }

    @Test
    void an_evicted_dead_letter_is_gone_and_health_returns_to_up() {
        String dept = department(unique("Evicted"), null);
        String poisoned = unique("Poisoned ");
        PoisonedMembers.NAMES.add(poisoned);
        try {
            Api.Response created = admin.post("/api/members", Map.of("name", poisoned,
                    "workEmail", unique("p") + "@example.com", "departmentIds", List.of(dept)));
            assertThat(created.code()).isEqualTo("projection_failed");
            String id = deadLetteredMember(poisoned);
            assertThat(anonymous().get("/actuator/health").text("status")).isEqualTo("DEGRADED");

            assertThat(as(unique("reader-")).delete("/api/admin/dead-letters/members/" + id).status()).isEqualTo(403);
            assertThat(admin.delete("/api/admin/dead-letters/nope/" + id).code()).isEqualTo("not_found");
            assertThat(admin.delete("/api/admin/dead-letters/members/" + id).status()).isEqualTo(204);
            assertThat(admin.delete("/api/admin/dead-letters/members/" + id).status()).isEqualTo(404);
            assertThat(sequence(id)).isNull();
            assertThat(anonymous().get("/actuator/health").text("status")).isEqualTo("UP");
            assertThat(admin.get("/api/members/" + id).status()).as("the read model gave the event up").isEqualTo(404);
        } finally {
            PoisonedMembers.NAMES.remove(poisoned);
        }
    }

    /** The id of the member whose creation was dead-lettered for this name. */
    private String deadLetteredMember(String name) {
        AtomicReference<String> id = new AtomicReference<>();
        await().atMost(AT_ONCE).untilAsserted(() -> {
            for (JsonNode group : admin.get("/api/admin/dead-letters").body().get("groups")) {
                for (JsonNode sequence : group.get("shown")) {
                    if (sequence.get("letters").get(0).get("cause").asText().contains(name)) {
                        assertThat(group.get("processingGroup").asText()).isEqualTo(ProcessingGroups.MEMBERS);
                        id.set(sequence.get("sequenceId").asText());
                    }
                }
            }
            assertThat(id.get()).isNotNull();
        });
        return id.get();
    }

    private JsonNode sequence(String id) {
        Api.Response list = admin.get("/api/admin/dead-letters");
        assertThat(list.status()).isEqualTo(200);
        for (JsonNode group : list.body().get("groups")) {
            if (group.get("processingGroup").asText().equals(ProcessingGroups.MEMBERS)) {
                for (JsonNode sequence : group.get("shown")) {
                    if (sequence.get("sequenceId").asText().equals(id)) {
                        return sequence;
                    }
                }
            }
        }
        return null;
    }
}
