package com.memberdirectory.app.bench;

import com.memberdirectory.testsupport.Api;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads of {@link SearchBenchmark}, asked of a Keycloak server through its admin REST API with the same client
 * code, the same people (names, e-mail addresses, 20 groups standing for departments) and the same counts, so the two
 * can be compared side by side. Keycloak is not part of the build: start it yourself (docs/benchmarks.md says how),
 * then {@code ./mvnw -B -Pbench -pl app -am verify -Dit.test=KeycloakSearchBenchmark -Dbench.members=20000
 * -Dbench.keycloak=http://localhost:8180}. Users are created in a realm of their own, {@code bench-N}; a realm that
 * already holds N users is reused ({@code -Dbench.keycloak.createOnly=true} creates them and stops, so the reads can be
 * measured later on a quiet machine).
 * Keycloak's {@code search} matches prefixes of the user name, first and last name and e-mail; the directory's
 * {@code q} matches any part, a superset.
 */
@Tag("bench")
class KeycloakSearchBenchmark {

    private static final int N = Integer.getInteger("bench.members", 20_000);
    private static final String KEYCLOAK = System.getProperty("bench.keycloak", "http://localhost:8180");
    private static final String ADMIN = System.getProperty("bench.keycloak.admin", "admin");
    private static final String PASSWORD = System.getProperty("bench.keycloak.password", "admin");
    private static final int GROUPS = 20;

    private final Api tokens = new Api(KEYCLOAK, null);
    private volatile String token;
    private volatile long tokenAt;

    @Test
    void searches() throws Exception {
        String realm = "bench-" + N;
        StringBuilder report = new StringBuilder();
        BenchSupport.line(report, "=== Keycloak searches (%s): N=%,d, %s ===", KEYCLOAK, N, LocalDateTime.now().withNano(0));
        Api admin = new Api(KEYCLOAK + "/admin/realms", this::authorization);
        String base = "/" + realm;
        Random random = new Random(42);
        String[] surnames = new String[Math.max(50, N / 40)];
        for (int i = 0; i < surnames.length; i++) {
            surnames[i] = SearchBenchmark.surname(random);
        }
        String[] usernames = new String[N];
        String[] userSurnames = new String[N];
        for (int i = 0; i < N; i++) {
            userSurnames[i] = surnames[Math.floorMod(i * 7919, surnames.length)];
            usernames[i] = (SearchBenchmark.GIVEN[i % SearchBenchmark.GIVEN.length] + "." + userSurnames[i] + "." + i).toLowerCase();
        }
        String[] ids = new String[N];
        List<String> groups = new ArrayList<>();
        Api.Response count = admin.get(base + "/users/count");
        if (count.status() == 200 && count.body().asLong() == N) {
            // Made by an earlier run (creating users is slow): reuse it, so the reads can be measured on a quiet machine.
            admin.get(base + "/groups?max=" + GROUPS).body().forEach(group -> groups.add(group.get("id").asText()));
            Map<String, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < N; i++) {
                index.put(usernames[i], i);
            }
            admin.get(base + "/users?briefRepresentation=true&first=0&max=" + N).body()
                    .forEach(user -> ids[index.get(user.get("username").asText())] = user.get("id").asText());
            BenchSupport.line(report, "realm %s with %,d users, made by an earlier run", realm, N);
        } else {
            admin.delete(base);
            assertThat(admin.post("", Map.of("realm", realm, "enabled", true)).status()).isEqualTo(201);
            for (int g = 0; g < GROUPS; g++) {
                Api.Response created = admin.post(base + "/groups", Map.of("name", "Search " + g));
                assertThat(created.status()).isEqualTo(201);
                groups.add(created.location().substring(created.location().lastIndexOf('/') + 1));
            }
            long start = System.nanoTime();
            WriteThroughputBenchmark.Run creates = WriteThroughputBenchmark.parallel("Keycloak creates", N, 8, i -> {
                Api.Response created = admin.post(base + "/users", Map.of(
                        "username", usernames[i], "enabled", true,
                        "firstName", SearchBenchmark.GIVEN[i % SearchBenchmark.GIVEN.length], "lastName", userSurnames[i],
                        "email", "search" + i + "@bench.example",
                        "groups", List.of("/Search " + (i % GROUPS))));
                if (created.status() != 201) {
                    throw new IllegalStateException("create " + i + ": " + created.status() + " " + created.body());
                }
                ids[i] = created.location().substring(created.location().lastIndexOf('/') + 1);
            });
            assertThat(creates.errors()).isZero();
            BenchSupport.line(report, "%,d users created over HTTP (8 clients) in %.1f s (%,.0f/s)", N,
                    (System.nanoTime() - start) / 1e9, creates.perSecond());
        }
        if (Boolean.getBoolean("bench.keycloak.createOnly")) {
                return;
        }

        measure(report, admin, "search by exact user name (username=, exact)", i ->
                base + "/users?max=20&exact=true&username=" + encode(usernames[random.nextInt(N)]), 1);
        measure(report, admin, "search by surname (search=<surname>, max 20)", i ->
                base + "/users?max=20&search=" + encode(userSurnames[random.nextInt(N)]), 1);
        measure(report, admin, "search by prefix (search=<3 letters>), page of 20", i ->
                base + "/users?max=20&search=" + encode(userSurnames[random.nextInt(N)].substring(0, 3)), 1);
        measure(report, admin, "search by prefix (search=<3 letters>), page of 100", i ->
                base + "/users?max=100&search=" + encode(userSurnames[random.nextInt(N)].substring(0, 3)), 1);
        measure(report, admin, "a group's first page (groups/{id}/members, max 20)", i ->
                base + "/groups/" + groups.get(random.nextInt(GROUPS)) + "/members?max=20", 1);
        measure(report, admin, "total count (users/count)", i -> base + "/users/count", 1);
        measure(report, admin, "the list's page 10 of 50 (first=500&max=50)", i -> base + "/users?first=500&max=50", 1);
        measure(report, admin, "one user by id (users/{id})", i -> base + "/users/" + ids[random.nextInt(N)], 1);
        measure(report, admin, "search by surname, 8 clients at once", i ->
                base + "/users?max=20&search=" + encode(userSurnames[random.nextInt(N)]), 8);
        BenchSupport.write(report, "bench-keycloak-search-" + N + ".txt");
    }

    private static void measure(StringBuilder report, Api client, String label, IntFunction<String> path,
                                int clients) throws Exception {
        SearchBenchmark.measure(report, client, label, path, clients, "users in the answer",
                body -> body.isArray() ? body.size() : body.isNumber() ? body.asLong() : 1);
    }

    /** An admin token of the master realm, fetched again before it expires (Keycloak's default lifespan is 60 s). */
    private String authorization() {
        if (token == null || System.nanoTime() - tokenAt > 40_000_000_000L) {
            synchronized (this) {
                if (token == null || System.nanoTime() - tokenAt > 40_000_000_000L) {
                    token = fetchToken();
                    tokenAt = System.nanoTime();
                }
            }
        }
        return "Bearer " + token;
    }

    private String fetchToken() {
        String form = "grant_type=password&client_id=admin-cli&username=" + encode(ADMIN) + "&password=" + encode(PASSWORD);
        try {
            Api.Response answer = tokens.send("POST", "/realms/master/protocol/openid-connect/token",
                    form.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/x-www-form-urlencoded");
            if (answer.status() != 200) {
                throw new IllegalStateException("Keycloak token: " + answer.status() + " "
                        + new String(answer.raw(), StandardCharsets.UTF_8));
            }
            return answer.body().get("access_token").asText();
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("Keycloak at " + KEYCLOAK + " did not answer", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
