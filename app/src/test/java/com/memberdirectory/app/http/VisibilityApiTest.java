package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.testsupport.Api;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What each caller sees of a member on the read paths that used to show more, and the scope rule under races. */
class VisibilityApiTest extends ApiTest {

    @Test
    void a_hidden_phone_is_neither_in_the_history_nor_in_a_past_state_for_those_who_may_not_see_it() throws Exception {
        String sales = department(unique("Sales"), null);
        String phone = uniquePhone();
        String id = member(sales, Map.of("phone", phone)).get("id").asText();
        Instant beforeHiding = Instant.now();
        Thread.sleep(5);
        assertThat(admin.patch("/api/members/" + id, Map.of("hidePhone", true)).status()).isEqualTo(200);
        Api reader = as(unique("reader-"));

        assertThat(reader.get("/api/members/" + id).body().get("phone").isNull()).isTrue();
        Api.Response history = reader.get("/api/members/" + id + "/history");
        assertThat(history.status()).isEqualTo(403);
        assertThat(new String(history.raw())).doesNotContain(phone.substring(1));
        Api.Response then = reader.get("/api/members/" + id + "?asOf=" + beforeHiding);
        assertThat(then.status()).as("the phone was shown then, it is hidden now").isEqualTo(403);
        assertThat(reader.get("/api/members?asOf=" + beforeHiding + "&departmentId=" + sales).status()).isEqualTo(403);

        assertThat(admin.get("/api/members/" + id + "/history").body().toString()).contains(phone);
        assertThat(admin.get("/api/members/" + id + "?asOf=" + beforeHiding).text("phone")).isEqualTo(phone);
    }

    @Test
    void an_admin_of_some_departments_exports_only_members_they_administer_even_when_selecting_others() {
        String north = department(unique("North"), null);
        String south = department(unique("South"), null);
        Api scoped = adminOf(north);
        String inside = member(north, Map.of()).get("id").asText();
        String outside = member(south, Map.of()).get("id").asText();
        Api.Response started = scoped.post("/api/exports", Map.of("selection", "SELECTED", "memberIds", List.of(inside, outside)));
        assertThat(started.status()).isEqualTo(202);
        String export = started.text("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(scoped.get("/api/exports/" + export).text("status")));
        assertThat(scoped.get("/api/exports/" + export).text("rowCount")).isEqualTo("1");
    }

    @Test
    void an_admin_of_some_departments_reads_the_notification_log_of_their_members_only() {
        String north = department(unique("North"), null);
        String south = department(unique("South"), null);
        Api scoped = adminOf(north);
        String outside = member(south, Map.of()).get("id").asText();
        assertThat(scoped.get("/api/notifications?memberId=" + outside).status()).isEqualTo(403);
        JsonNode all = scoped.get("/api/notifications").body().get("items");
        all.forEach(item -> assertThat(item.get("memberId").asText()).isNotEqualTo(outside));
    }

    @Test
    void an_edit_by_an_admin_of_some_departments_is_refused_whenever_the_move_out_of_them_was_acknowledged_first()
            throws Exception {
        String north = department(unique("North"), null);
        String south = department(unique("South"), null);
        Api scoped = adminOf(north);
        List<String> outcomes = new ArrayList<>();
        for (int round = 0; round < 15; round++) {
            String id = member(north, Map.of()).get("id").asText();
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Long> moved = CompletableFuture.supplyAsync(() -> {
                together(start);
                assertThat(admin.patch("/api/members/" + id, Map.of("departmentIds", List.of(south))).status()).isEqualTo(200);
                return System.nanoTime();
            });
            CompletableFuture<long[]> edited = CompletableFuture.supplyAsync(() -> {
                together(start);
                long sent = System.nanoTime();
                return new long[]{sent, scoped.patch("/api/members/" + id, Map.of("city", "Round " + sent)).status()};
            });
            long moveAcknowledged = moved.get();
            long editSent = edited.get()[0];
            int editStatus = (int) edited.get()[1];
            assertThat(editStatus).isIn(200, 403);
            if (moveAcknowledged < editSent) {
                assertThat(editStatus).as("round " + round + ": the move was acknowledged before the edit was sent").isEqualTo(403);
            }
            if (editStatus == 200) {
                List<String> types = admin.get("/api/members/" + id + "/history").body().get("items").findValuesAsText("type");
                assertThat(types.indexOf("CityChanged")).as("an accepted edit came before the move")
                        .isLessThan(types.indexOf("DepartmentsChanged"));
            }
            // Whatever the race, once the move is acknowledged the member is out of reach.
            assertThat(scoped.patch("/api/members/" + id, Map.of("city", "After")).status()).isEqualTo(403);
            outcomes.add(String.valueOf(editStatus));
        }
        assertThat(outcomes).hasSize(15);
    }

    private static void together(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
