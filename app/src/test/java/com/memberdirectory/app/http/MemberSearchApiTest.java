package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member list's searches, filters, pages and totals, answered from the search index, equal a full scan of the
 * same members computed here from each member as the primary admin reads it — for an org-wide admin, an admin of
 * one sub-department and a plain reader. The scan is this test's own reading of the rules: {@code q} is a case- and
 * accent-insensitive substring of name, alias, user ID, work or business email or employee ID; of the phone unless
 * the member hides it; of the phone and login email for those who see everything of the member.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberSearchApiTest extends ApiTest {

    private static final List<String> NAMES = List.of("Élodie Durand", "Zoë Müller", "Jürgen Groß", "José Álvarez",
            "Ann-Marie Li", "Anna Lindqvist", "ANNA maria", "Björn Ångström", "Chloé Dupont", "Łukasz Nowak", "李小龙",
            "Søren Kierkegaard", "Ana Ñúñez", "Anne O'Neil");

    private String top;
    private String left;
    private String right;
    private Api scopedLeft;
    private Api reader;
    private final List<JsonNode> members = new ArrayList<>();

    /** Once per class (the clients of {@link ApiTest} are made before each test). */
    private void someMembers() {
        if (top != null) {
            return;
        }
        Random random = new Random(7);
        top = department(unique("Search "), null);
        left = department(unique("Left "), top);
        right = department(unique("Right "), top);
        scopedLeft = adminOf(left);
        reader = as(unique("reader-"));
        for (int i = 0; i < 36; i++) {
            String department = i % 3 == 0 ? left : i % 3 == 1 ? right : top;
            Map<String, Object> fields = new HashMap<>(Map.of("name", NAMES.get(i % NAMES.size()) + " " + (char) ('a' + i % 26),
                    "phone", uniquePhone(), "hidePhone", random.nextBoolean(), "alias", "al" + i + "ïas",
                    "employeeId", "E-" + (1000 + i)));
            if (i % 4 == 0) {
                fields.put("businessEmail", unique("biz") + "@Corp.Example");
            }
            String id = member(department, fields).path("id").asText();
            if (i % 5 == 0) {
                assertThat(admin.post("/api/members/" + id + "/activation", Map.of()).status()).isEqualTo(200);
            } else if (i % 5 == 1) {
                assertThat(admin.put("/api/members/" + id + "/login", Map.of("loginEmailType", "WORK_EMAIL",
                        "generatePassword", true)).status()).isEqualTo(200);
            }
        }
        for (JsonNode page : List.of(admin.get("/api/members?size=500&departmentId=" + top).body())) {
            page.get("items").forEach(member -> members.add(admin.get("/api/members/" + member.path("id").asText()).body()));
        }
        assertThat(members).hasSize(36);
    }

    @Test
    void every_search_equals_a_scan_of_the_same_members() {
        someMembers();
        Random random = new Random(11);
        List<String> queries = new ArrayList<>(List.of("anna", "ANNA", "elodie", "Zoe", "muller", "gross", "ß", "ö", "an",
                "a", "ïas", "ias", "E-10", "e-1", "corp.example", "EXAMPLE", "@example.com", "李小", "nowak", "xyz-none", "+86134"));
        for (JsonNode member : members) {
            String phone = member.path("phone").asText();
            queries.add(phone.substring(3 + random.nextInt(6)));
            String userId = member.path("userId").asText();
            queries.add(userId.substring(0, Math.min(userId.length(), 5)).toUpperCase(Locale.ROOT));
            String email = member.path("workEmail").asText();
            queries.add(email.substring(1, 9));
        }
        record Viewer(String name, Api api, boolean orgWide, Set<String> departments) {
        }
        List<Viewer> viewers = List.of(new Viewer("org-wide admin", admin, true, Set.of()),
                new Viewer("admin of one sub-department", scopedLeft, false, Set.of(left)),
                new Viewer("reader", reader, false, Set.of()));
        int compared = 0;
        for (String q : queries) {
            for (Viewer viewer : viewers) {
                String status = random.nextInt(3) == 0 ? "INACTIVE" : null;
                // (only administrators may ask for the members without a login password)
                boolean withoutPassword = viewer.api() != reader && random.nextInt(4) == 0;
                int size = 1 + random.nextInt(8);
                int page = random.nextInt(3);
                List<JsonNode> expected = members.stream()
                        .filter(m -> status == null || status.equals(m.path("status").asText()))
                        .filter(m -> !withoutPassword || (!m.path("hasLoginPassword").asBoolean()
                                && seesAll(viewer.orgWide(), viewer.departments(), m)))
                        .filter(m -> matches(m, q, viewer.orgWide(), viewer.departments()))
                        .sorted(Comparator.comparing((JsonNode m) -> m.path("name").asText(), MemberSearchApiTest::byCodePoint)
                                .thenComparing(m -> m.path("id").asText(), MemberSearchApiTest::byCodePoint))
                        .toList();
                String path = "/api/members?departmentId=" + top + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                        + (status == null ? "" : "&status=" + status) + (withoutPassword ? "&withoutLoginPassword=true" : "")
                        + "&size=" + size + "&page=" + page;
                Api.Response answer = viewer.api().get(path);
                assertThat(answer.status()).as(path).isEqualTo(200);
                assertThat(answer.body().get("total").asLong()).as(viewer.name() + ": total of " + path).isEqualTo(expected.size());
                assertThat(ids(answer.body().get("items"))).as(viewer.name() + ": page of " + path)
                        .isEqualTo(expected.stream().skip((long) page * size).limit(size).map(m -> m.path("id").asText()).toList());
                compared += expected.size();
            }
        }
        assertThat(compared).as("the searches found members at all").isGreaterThan(300);
    }

    @Test
    void a_change_is_found_by_the_next_search() {
        someMembers();
        String id = member(right, Map.of("name", unique("Before "))).path("id").asText();
        for (int i = 0; i < 10; i++) {
            String name = unique("Renamed Ünïque ");
            assertThat(admin.patch("/api/members/" + id, Map.of("name", name)).status()).isEqualTo(200);
            String folded = fold(name);
            JsonNode found = admin.get("/api/members?q=" + URLEncoder.encode(folded.toUpperCase(Locale.ROOT), StandardCharsets.UTF_8)).body();
            assertThat(found.get("total").asInt()).as("search for %s right after the change", folded).isEqualTo(1);
            assertThat(found.get("items").get(0).path("name").asText()).isEqualTo(name);
        }
    }

    @Test
    void pages_past_the_end_are_empty_with_the_total() {
        someMembers();
        JsonNode answer = admin.get("/api/members?departmentId=" + top + "&size=10&page=1000").body();
        assertThat(answer.get("items")).isEmpty();
        assertThat(answer.get("total").asInt()).isEqualTo(36);
    }

    private static boolean matches(JsonNode member, String q, boolean orgWide, Set<String> departments) {
        String folded = fold(q.strip());
        if (folded.isEmpty()) {
            return true;
        }
        boolean seesAll = seesAll(orgWide, departments, member);
        for (String field : List.of("name", "alias", "userId", "workEmail", "businessEmail", "employeeId")) {
            if (fold(member.path(field).asText("")).contains(folded)) {
                return true;
            }
        }
        boolean phoneShown = seesAll || !member.path("hidePhone").asBoolean();
        return phoneShown && fold(member.path("phone").asText("")).contains(folded)
                || seesAll && fold(member.path("loginEmail").asText("")).contains(folded);
    }

    private static boolean seesAll(boolean orgWide, Set<String> departments, JsonNode member) {
        return orgWide || StreamSupport.stream(member.path("departmentIds").spliterator(), false)
                .anyMatch(d -> departments.contains(d.asText()));
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("[\\p{M}\\p{Cc}]", "").toLowerCase(Locale.ROOT);
    }

    private static int byCodePoint(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }
}
