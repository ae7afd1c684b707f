package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.app.support.RawUpload;
import com.memberdirectory.command.photo.PhotoDigest;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.Tokens;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class MemberApiTest extends ApiTest {

    @Autowired
    EventStore events;

    @Autowired
    DataSource dataSource;

    @Test
    void a_new_member_is_inactive_with_a_generated_user_id_and_a_login_that_follows_the_work_email() {
        String sales = department(unique("Sales"), null);
        String email = unique("ann") + "@example.com";
        Api.Response created = admin.post("/api/members", Map.of("name", " Ann Lee ", "workEmail", email,
                "phone", "138 0013 " + (8000 + (int) (Math.random() * 1000)), "departmentIds", List.of(sales)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.header("Location")).isEqualTo("/api/members/" + created.text("id"));
        JsonNode member = created.body();
        assertThat(member.get("status").asText()).isEqualTo("INACTIVE");
        assertThat(member.get("name").asText()).isEqualTo("Ann Lee");
        assertThat(member.get("userId").asText()).startsWith("u-");
        assertThat(member.get("phone").asText()).startsWith("+86138");
        assertThat(member.get("loginEmail").asText()).isEqualTo(email);
        assertThat(member.get("loginEmailType").asText()).isEqualTo("WORK_EMAIL");
        assertThat(member.get("gender").asText()).isEqualTo("UNSPECIFIED");

        Api.Response read = admin.get("/api/members/" + member.get("id").asText());
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.body()).isEqualTo(member);
    }

    @Test
    void a_patch_changes_only_what_it_names_and_the_login_email_follows_the_work_email() {
        JsonNode member = member(department(unique("D"), null), Map.of("city", "Shanghai"));
        String id = member.get("id").asText();
        String email = unique("new") + "@example.com";
        Api.Response patched = admin.patch("/api/members/" + id, Map.of("workEmail", email, "alias", "Annie"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().get("workEmail").asText()).isEqualTo(email);
        assertThat(patched.body().get("loginEmail").asText()).isEqualTo(email);
        assertThat(patched.body().get("city").asText()).isEqualTo("Shanghai");
        assertThat(Long.parseLong(patched.header("ETag").replace("\"", ""))).isGreaterThan(1);
        assertThat(admin.get("/api/members/" + id).body()).as("read your writes").isEqualTo(patched.body());

        Map<String, Object> clear = new HashMap<>();
        clear.put("alias", null);
        Api.Response cleared = admin.patch("/api/members/" + id, clear, "Content-Type", "application/json");
        assertThat(cleared.body().get("alias").isNull()).isTrue();

        Api.Response same = admin.patch("/api/members/" + id, Map.of("city", "Shanghai"));
        assertThat(same.header("ETag")).as("setting a value it already has records nothing").isEqualTo(cleared.header("ETag"));
    }

    @Test
    void if_match_guards_against_lost_updates() {
        JsonNode member = member(department(unique("D"), null), Map.of());
        String id = member.get("id").asText();
        assertThat(admin.patch("/api/members/" + id, Map.of("city", "A"), "If-Match", "\"1\"").status()).isEqualTo(200);
        Api.Response stale = admin.patch("/api/members/" + id, Map.of("city", "B"), "If-Match", "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("version_conflict");
        assertThat(admin.get("/api/members/" + id).body().get("city").asText()).isEqualTo("A");
    }

    @Test
    void every_rule_answers_its_code_and_the_offending_field_and_changes_nothing() {
        String dept = department(unique("D"), null);
        JsonNode member = member(dept, Map.of());
        String id = member.get("id").asText();
        String taken = member(dept, Map.of()).get("workEmail").asText();

        assertProblem(admin.post("/api/members", Map.of("workEmail", unique("a") + "@example.com",
                "departmentIds", List.of(dept))), 422, "name_required", "name");
        assertProblem(admin.post("/api/members", Map.of("name", "A", "workEmail", unique("a") + "@example.com")),
                422, "department_required", "departmentIds");
        assertProblem(admin.post("/api/members", Map.of("name", "A", "departmentIds", List.of(dept))),
                422, "phone_or_work_email_required", "phone");
        assertProblem(admin.post("/api/members", Map.of("name", "A", "workEmail", unique("a") + "@example.com",
                "departmentIds", List.of("nope"))), 422, "unknown_department", "departmentIds");
        assertProblem(admin.patch("/api/members/" + id, Map.of("workEmail", "not-an-address")), 422, "invalid_email", "workEmail");
        assertProblem(admin.patch("/api/members/" + id, Map.of("phone", "12")), 422, "invalid_phone", "phone");
        assertProblem(admin.patch("/api/members/" + id, Map.of("workEmail", taken.toUpperCase())), 409, "duplicate_value", "workEmail");
        assertProblem(admin.patch("/api/members/" + id, Map.of("managerId", id)), 422, "self_manager", "managerId");
        String empty = "empty" + unique("").replace("-", "");
        admin.post("/api/fields", Map.of("key", empty, "label", "Empty " + empty, "type", "SINGLE_OPTION"));
        assertProblem(admin.patch("/api/members/" + id, Map.of("custom", Map.of(empty, "Anything"))), 422,
                "no_options_defined", "custom." + empty);
        assertProblem(admin.patch("/api/members/" + id, Map.of("nickname", "x")), 400, "unknown_property", "nickname");
        assertProblem(admin.patch("/api/members/" + id, Map.of("version", 3)), 400, "read_only_property", "version");
        assertProblem(admin.post("/api/members", Map.of("name", "A", "typo", "x")), 400, "unknown_property", "typo");

        Api.Response after = admin.get("/api/members/" + id);
        assertThat(after.header("ETag")).isEqualTo("\"1\"");
        assertThat(after.body()).isEqualTo(member);
        assertThat(admin.get("/api/members/nope").status()).isEqualTo(404);
        assertThat(admin.get("/api/members?size=0").code()).isEqualTo("malformed_request");
    }

    @Test
    void the_list_pages_and_filters_by_department_subtree_status_and_text() {
        String top = department(unique("Top"), null);
        String child = department(unique("Child"), top);
        String marker = unique("zq");
        for (int i = 0; i < 3; i++) {
            member(child, Map.of("name", marker + " " + i));
        }
        member(top, Map.of("name", marker + " top"));
        Api.Response page = admin.get("/api/members?departmentId=" + top + "&size=2&page=1");
        assertThat(page.body().get("total").asInt()).isEqualTo(4);
        assertThat(page.body().get("items")).hasSize(2);
        assertThat(page.body().get("page").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/members?departmentId=" + child).body().get("total").asInt()).isEqualTo(3);
        assertThat(admin.get("/api/members?q=" + marker.toUpperCase()).body().get("total").asInt()).isEqualTo(4);
        assertThat(admin.get("/api/members?q=" + marker + "&status=ACTIVE").body().get("total").asInt()).isZero();
        assertThat(admin.get("/api/members?status=SLEEPING").status()).isEqualTo(400);
    }

    @Test
    void concurrent_creates_with_one_email_give_exactly_one_member() throws Exception {
        String dept = department(unique("D"), null);
        String email = unique("race") + "@example.com";
        List<Integer> statuses = parallel(16, () -> admin.post("/api/members", Map.of("name", "Racer",
                "workEmail", email, "departmentIds", List.of(dept))).status());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(admin.get("/api/members?q=" + email).body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void concurrent_patches_to_one_phone_leave_it_with_one_member_and_lose_no_update() throws Exception {
        String dept = department(unique("D"), null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(member(dept, Map.of()).get("id").asText());
        }
        String phone = "+86139" + (10000000 + (int) (Math.random() * 89999999));
        List<Integer> statuses = parallel(8, new Callable<>() {
            int next;

            @Override
            public synchronized Integer call() {
                String id = ids.get(next++);
                return admin.patch("/api/members/" + id, Map.of("phone", phone)).status();
            }
        });
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        String id = ids.get(0);
        List<Integer> edits = parallel(10, new Callable<>() {
            int next;

            @Override
            public Integer call() {
                int n;
                synchronized (this) {
                    n = next++;
                }
                return admin.patch("/api/members/" + id, Map.of("city", "City " + n)).status();
            }
        });
        assertThat(edits).containsOnly(200);
        long cityChanges = events.readEvents(id).asStream().filter(e -> e.getPayloadType().getSimpleName().equals("CityChanged")).count();
        assertThat(cityChanges).as("each of the 10 edits recorded").isEqualTo(10);
    }

    @Test
    void every_event_carries_the_actor_the_source_and_the_correlation_id() {
        JsonNode member = member(department(unique("D"), null), Map.of());
        String id = member.get("id").asText();
        admin.patch("/api/members/" + id, Map.of("city", "Oslo"), "X-Correlation-ID", "trace-123");
        List<? extends DomainEventMessage<?>> stored = events.readEvents(id).asStream().toList();
        assertThat(stored).allSatisfy(e -> {
            assertThat(e.getMetaData().get("actor")).isEqualTo("admin");
            assertThat(e.getMetaData().get("source")).isEqualTo("API");
            assertThat(e.getMetaData().get("correlationId")).isNotNull();
        });
        assertThat(stored.get(stored.size() - 1).getMetaData().get("correlationId")).isEqualTo("trace-123");
        JsonNode history = admin.get("/api/members/" + id + "/history").body().get("items");
        assertThat(history.get(history.size() - 1).get("type").asText()).isEqualTo("CityChanged");
        assertThat(history.get(history.size() - 1).get("changes").get(0).get("after").asText()).isEqualTo("Oslo");
        assertThat(history.get(history.size() - 1).get("actor").asText()).isEqualTo("admin");
    }

    @Test
    void hidden_phones_are_shown_to_admins_only() {
        JsonNode member = member(department(unique("D"), null), Map.of("phone", "+8613912345" + (100 + (int) (Math.random() * 899)),
                "hidePhone", true));
        String id = member.get("id").asText();
        assertThat(admin.get("/api/members/" + id).body().get("phone").isNull()).isFalse();
        assertThat(as(unique("viewer")).get("/api/members/" + id).body().get("phone").isNull()).isTrue();
    }

    @Test
    void login_by_business_email_needs_a_password_shown_once_and_is_fixed_after_activation() {
        JsonNode member = member(department(unique("D"), null), Map.of("businessEmail", unique("b") + "@corp.example"));
        String id = member.get("id").asText();
        assertProblem(admin.put("/api/members/" + id + "/login", Map.of("loginEmailType", "BUSINESS_EMAIL", "password", "short")),
                422, "weak_password", "password");
        Api.Response chosen = admin.put("/api/members/" + id + "/login", Map.of("loginEmailType", "BUSINESS_EMAIL",
                "generatePassword", true));
        assertThat(chosen.status()).isEqualTo(200);
        assertThat(chosen.text("generatedPassword")).hasSize(16);
        assertThat(chosen.body().at("/member/loginEmail").asText()).isEqualTo(member.get("businessEmail").asText());
        assertThat(chosen.body().at("/member/hasLoginPassword").asBoolean()).isTrue();
        assertThat(admin.get("/api/members/" + id).raw()).asString().doesNotContain(chosen.text("generatedPassword"));
        assertThat(admin.post("/api/members/" + id + "/activation", Map.of()).body().get("status").asText()).isEqualTo("ACTIVE");
        assertProblem(admin.put("/api/members/" + id + "/login", Map.of("loginEmailType", "WORK_EMAIL")), 422, "member_active",
                "loginEmailType");
    }

    @Test
    void while_inactive_the_login_email_follows_the_business_email_it_was_chosen_as_which_cannot_be_cleared() {
        JsonNode member = member(department(unique("D"), null), Map.of("businessEmail", unique("b") + "@corp.example"));
        String id = member.get("id").asText();
        assertThat(admin.put("/api/members/" + id + "/login", Map.of("loginEmailType", "BUSINESS_EMAIL",
                "generatePassword", true)).status()).isEqualTo(200);
        String moved = unique("b") + "@corp.example";
        Api.Response patched = admin.patch("/api/members/" + id, Map.of("businessEmail", moved));
        assertThat(patched.status()).as(String.valueOf(patched.body())).isEqualTo(200);
        assertThat(patched.body().get("loginEmail").asText()).isEqualTo(moved);

        Map<String, Object> clear = new HashMap<>();
        clear.put("businessEmail", null);
        assertProblem(admin.patch("/api/members/" + id, clear, "Content-Type", "application/json"), 422,
                "business_email_required", "businessEmail");
        assertThat(admin.get("/api/members/" + id).body().get("businessEmail").asText()).isEqualTo(moved);
    }

    @Test
    void an_active_members_old_work_email_stays_its_login_and_cannot_become_another_members_login_email() {
        String dept = department(unique("D"), null);
        JsonNode active = member(dept, Map.of());
        String activeId = active.get("id").asText();
        String login = active.get("loginEmail").asText();
        assertThat(admin.post("/api/members/" + activeId + "/activation", Map.of()).status()).isEqualTo(200);
        Api.Response moved = admin.patch("/api/members/" + activeId, Map.of("workEmail", unique("moved") + "@example.com"));
        assertThat(moved.body().get("loginEmail").asText()).as("unlinked on activation").isEqualTo(login);

        JsonNode inactive = member(dept, Map.of());
        String inactiveId = inactive.get("id").asText();
        assertProblem(admin.patch("/api/members/" + inactiveId, Map.of("workEmail", login.toUpperCase())), 409,
                "duplicate_value", "loginEmail");
        assertThat(admin.get("/api/members/" + inactiveId).body()).isEqualTo(inactive);
        assertProblem(admin.post("/api/members", Map.of("name", "Twin", "workEmail", login, "departmentIds", List.of(dept))),
                409, "duplicate_value", "loginEmail");
        // An active member's contact address is no login: it may hold another's login email.
        JsonNode other = member(dept, Map.of());
        admin.post("/api/members/" + other.get("id").asText() + "/activation", Map.of());
        assertThat(admin.patch("/api/members/" + other.get("id").asText(), Map.of("workEmail", login)).status()).isEqualTo(200);
    }

    @Test
    void a_profile_photo_is_checked_stored_and_served() throws Exception {
        String id = member(department(unique("D"), null), Map.of()).get("id").asText();
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        Api.Response stored = admin.putBytes("/api/members/" + id + "/photo", png.toByteArray(), "image/png");
        assertThat(stored.status()).isEqualTo(204);
        assertThat(admin.get("/api/members/" + id).body().get("photoUrl").asText()).isEqualTo("/api/members/" + id + "/photo");
        assertThat(admin.get("/api/members/" + id + "/photo").raw()).isEqualTo(png.toByteArray());
        assertProblem(admin.putBytes("/api/members/" + id + "/photo", "not an image".getBytes(), "image/png"), 422,
                "invalid_value", "photo");
        assertProblem(admin.putBytes("/api/members/" + id + "/photo", png.toByteArray(), "image/jpeg"), 422,
                "invalid_value", "photo");
        assertThat(admin.putBytes("/api/members/" + id + "/photo", png.toByteArray(), "image/gif").status()).isEqualTo(415);
        try (RawUpload tooLarge = RawUpload.body(port, Tokens.valid("admin"), "PUT", "/api/members/" + id + "/photo",
                "image/png", 5 * 1024 * 1024 + 1)) {
            assertThat(tooLarge.answer(Duration.ofSeconds(30))).as("refused on its headers").startsWith("HTTP/1.1 413");
        }
        assertThat(as(unique("viewer")).putBytes("/api/members/" + id + "/photo", png.toByteArray(), "image/png").status())
                .isEqualTo(403);
    }

    @Test
    void uploading_the_same_photo_again_records_nothing() throws Exception {
        String id = member(department(unique("D"), null), Map.of()).get("id").asText();
        byte[] png = distinctPng(16, 16);
        Api.Response first = admin.putBytes("/api/members/" + id + "/photo", png, "image/png");
        assertThat(first.status()).isEqualTo(204);
        Api.Response again = admin.putBytes("/api/members/" + id + "/photo", png, "image/png");
        assertThat(again.status()).isEqualTo(204);
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(admin.get("/api/members/" + id + "/photo").raw()).isEqualTo(png);
        assertThat(storedCopiesOf(png)).as("the second upload's copy is removed").isEqualTo(1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> types = new ArrayList<>();
            admin.get("/api/members/" + id + "/history").body().get("items").forEach(entry -> types.add(entry.get("type").asText()));
            assertThat(types).containsOnlyOnce("ProfilePhotoChanged");
        });
    }

    @Test
    void a_small_png_declaring_30000_by_30000_pixels_is_refused_in_well_under_a_second() throws Exception {
        String id = member(department(unique("D"), null), Map.of()).get("id").asText();
        byte[] bomb = pngDeclaring(30_000, 30_000);
        admin.putBytes("/api/members/" + id + "/photo", distinctPng(8, 8), "image/png"); // warms the way up
        long started = System.nanoTime();
        Api.Response refused = admin.putBytes("/api/members/" + id + "/photo", bomb, "image/png");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertProblem(refused, 422, "invalid_value", "photo");
        assertThat(refused.body().get("detail").asText()).contains("30000 × 30000").contains("4096 × 4096");
        assertThat(millis).as("decoding it took 4 seconds").isLessThan(1000);
        assertThat(storedCopiesOf(bomb)).isZero();
    }

    @Test
    void a_photo_for_a_member_outside_the_admins_departments_is_refused_and_leaves_no_file_behind() throws Exception {
        String mine = department(unique("Mine"), null);
        String id = member(department(unique("Theirs"), null), Map.of()).get("id").asText();
        byte[] png = distinctPng(16, 16);
        Api.Response refused = adminOf(mine).putBytes("/api/members/" + id + "/photo", png, "image/png");
        assertProblem(refused, 403, "forbidden", "departmentIds");
        assertThat(admin.get("/api/members/" + id + "/photo").status()).isEqualTo(404);
        assertThat(storedCopiesOf(png)).isZero();
        assertProblem(admin.putBytes("/api/members/" + id + "/photo", png, "image/png", "If-Match", "\"7\""), 412,
                "version_conflict", "version");
        assertThat(storedCopiesOf(png)).as("nor does a stale version").isZero();
    }

    /** A PNG no other test uploads: its pixels are random. */
    private static byte[] distinctPng(int width, int height) throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random();
        for (int x = 0; x < width; x++) {
            image.setRGB(x, 0, random.nextInt());
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A 1 × 1 PNG whose header claims {@code width × height} (with a valid CRC, so only the size is wrong). */
    private static byte[] pngDeclaring(int width, int height) throws java.io.IOException {
        byte[] png = distinctPng(1, 1);
        // 8 bytes of signature, then the IHDR chunk: length (4), type (4), width (4), height (4), 5 more bytes, CRC
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(png);
        bytes.putInt(16, width).putInt(20, height);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 4 + 13);
        bytes.putInt(29, (int) crc.getValue());
        return png;
    }

    /** How many stored photo files hold exactly these bytes. */
    private long storedCopiesOf(byte[] image) {
        Long count = new JdbcTemplate(dataSource).queryForObject(
                "SELECT COUNT(*) FROM directory_files WHERE sha256 = ?", Long.class, PhotoDigest.sha256(image));
        return count;
    }

    private static void assertProblem(Api.Response response, int status, String code, String field) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.header("Content-Type")).contains("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.body().get("errors").findValuesAsText("field")).contains(field);
    }

    private static <T> List<T> parallel(int count, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_member_says_when_it_was_created_and_last_changed() throws Exception {
        java.time.Instant before = java.time.Instant.now().minusMillis(1);
        JsonNode member = member(department(unique("D"), null), Map.of());
        String id = member.get("id").asText();
        java.time.Instant created = java.time.Instant.parse(member.get("createdAt").asText());
        assertThat(created).isAfter(before).isBeforeOrEqualTo(java.time.Instant.now());
        assertThat(member.get("updatedAt").asText()).isEqualTo(member.get("createdAt").asText());

        Thread.sleep(5);
        Api.Response patched = admin.patch("/api/members/" + id, Map.of("city", "Hangzhou"));
        assertThat(patched.status()).isEqualTo(200);
        JsonNode changed = patched.body();
        assertThat(changed.get("createdAt").asText()).as("kept").isEqualTo(member.get("createdAt").asText());
        assertThat(java.time.Instant.parse(changed.get("updatedAt").asText())).isAfter(created);
        assertProblem(admin.patch("/api/members/" + id, Map.of("updatedAt", "2020-01-01T00:00:00Z")), 400,
                "read_only_property", "updatedAt");
        assertThat(admin.get("/api/members/" + id).body().get("updatedAt")).isEqualTo(changed.get("updatedAt"));
    }
}
