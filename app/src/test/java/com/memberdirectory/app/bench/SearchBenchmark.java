package com.memberdirectory.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.ServerProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads of the member list at N members: searches by an exact user ID and by a surname, by a prefix with pages of
 * 20 and 100, a department's first page, the total count, and one member by id — each asked 300 times in turn by
 * one client (after 50 unmeasured), medians and p99 printed. Not part of the normal build:
 * {@code ./mvnw -B -Pbench -pl app -am verify -Dit.test=SearchBenchmark -Dbench.members=20000}.
 * The summary is printed and written to {@code target/bench-search-N.txt}.
 */
@Tag("bench")
class SearchBenchmark {

    private static final int N = Integer.getInteger("bench.members", 20_000);
    private static final String HEAP = System.getProperty("bench.heap", "").isBlank() ? null : System.getProperty("bench.heap");
    private static final int DEPARTMENTS = 20;
    private static final int ASKED = 300;
    private static final int WARM_UP = 50;
    static final String[] GIVEN = {"Anna", "Björn", "Chloé", "David", "Élodie", "Farid", "Greta", "Hiro", "Ines",
            "Jonas", "Karin", "Luis", "Maya", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Sven", "Tara"};
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ra", "to", "vu", "zé", "ber", "dan", "fel",
            "gor", "han", "jus", "kov", "lin", "mar", "nor", "pet", "sch", "tal", "wen", "yar", "zim"};

    @Test
    void searches() throws Exception {
        Path root = Path.of("target", "bench-search-" + N).toAbsolutePath();
        FileSystemUtils.deleteRecursively(root);
        Files.createDirectories(root);
        StringBuilder report = new StringBuilder();
        BenchSupport.line(report, "=== Member Directory searches: N=%,d, %s ===", N, LocalDateTime.now().withNano(0));
        BenchSupport.line(report, "service JVM: %s %s", HEAP == null ? "(the heap of app/jvm.options)" : "-Xmx" + HEAP,
                String.join(" ", ServerProcess.jvmArguments()));
        Random random = new Random(42);
        String[] surnames = new String[Math.max(50, N / 40)];
        for (int i = 0; i < surnames.length; i++) {
            surnames[i] = surname(random);
        }
        try (ServerProcess server = new ServerProcess(
                BenchSupport.launch(root.resolve("data"), root.resolve("server.log"), HEAP))) {
            Api client = server.api();
            List<String> departments = new ArrayList<>();
            for (int d = 0; d < DEPARTMENTS; d++) {
                departments.add(client.post("/api/departments", Map.of("name", "Search " + d)).body().get("id").asText());
            }
            String[] ids = new String[N];
            String[] userIds = new String[N];
            String[] memberSurnames = new String[N];
            long start = System.nanoTime();
            WriteThroughputBenchmark.Run creates = WriteThroughputBenchmark.parallel("HTTP creates", N, 8, i -> {
                String surname = surnames[Math.floorMod(i * 7919, surnames.length)];
                Api.Response created = client.post("/api/members", Map.of(
                        "name", GIVEN[i % GIVEN.length] + " " + surname,
                        "workEmail", "search" + i + "@bench.example",
                        "phone", WriteThroughputBenchmark.phone(139, i),
                        "employeeId", "E" + i,
                        "departmentIds", List.of(departments.get(i % DEPARTMENTS))));
                if (created.status() != 201) {
                    throw new IllegalStateException("create " + i + ": " + created.status() + " " + created.body());
                }
                ids[i] = created.body().get("id").asText();
                userIds[i] = created.body().get("userId").asText();
                memberSurnames[i] = surname;
            });
            assertThat(creates.errors()).isZero();
            BenchSupport.line(report, "%,d members created over HTTP (8 clients) in %.1f s (%,.0f/s); resident %s", N,
                    (System.nanoTime() - start) / 1e9, creates.perSecond(), server.resident());

            measure(report, client, "search by exact user ID (q=<userId>, size 20)", i -> {
                int m = random.nextInt(N);
                return "/api/members?size=20&q=" + encode(userIds[m]);
            }, 1);
            measure(report, client, "search by surname (q=<surname>, size 20)", i -> {
                int m = random.nextInt(N);
                return "/api/members?size=20&q=" + encode(memberSurnames[m]);
            }, 1);
            measure(report, client, "search by prefix (q=<3 letters>), page of 20", i ->
                    "/api/members?size=20&q=" + encode(memberSurnames[random.nextInt(N)].substring(0, 3)), 1);
            measure(report, client, "search by prefix (q=<3 letters>), page of 100", i ->
                    "/api/members?size=100&q=" + encode(memberSurnames[random.nextInt(N)].substring(0, 3)), 1);
            measure(report, client, "a department's first page (departmentId=, size 20)", i ->
                    "/api/members?size=20&departmentId=" + departments.get(random.nextInt(DEPARTMENTS)), 1);
            measure(report, client, "total count (size=1)", i -> "/api/members?size=1", 1);
            measure(report, client, "the list's page 10 of 50 (page=10&size=50)", i -> "/api/members?size=50&page=10", 1);
            measure(report, client, "one member by id (GET /api/members/{id})", i -> "/api/members/" + ids[random.nextInt(N)], 1);
            measure(report, client, "search by surname, 8 clients at once", i ->
                    "/api/members?size=20&q=" + encode(memberSurnames[random.nextInt(N)]), 8);
            BenchSupport.line(report, "resident after the reads: %s", server.resident());
            assertThat(client.get("/api/members?size=1").body().get("total").asLong()).isGreaterThanOrEqualTo(N);
            server.stop();
        }
        BenchSupport.write(report, "bench-search-" + N + ".txt");
    }

    private static void measure(StringBuilder report, Api client, String label, IntFunction<String> path,
                                int clients) throws Exception {
        measure(report, client, label, path, clients, "members found",
                body -> body.has("total") ? body.get("total").asLong() : 1);
    }

    /**
     * Asks {@code path(i)} {@value #ASKED} times with {@code clients} clients (after {@value #WARM_UP} unmeasured) and
     * prints the latencies' median and p99 with the median of {@code found} over the answers.
     */
    static void measure(StringBuilder report, Api client, String label, IntFunction<String> path,
                        int clients, String what, ToLongFunction<JsonNode> found) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            assertThat(client.get(path.apply(i)).status()).isEqualTo(200);
        }
        long[] micros = new long[ASKED];
        long[] counts = new long[ASKED];
        WriteThroughputBenchmark.Run run = WriteThroughputBenchmark.parallel(label, ASKED, clients, i -> {
            String asked = path.apply(i);
            long begin = System.nanoTime();
            Api.Response answer = client.get(asked);
            micros[i] = (System.nanoTime() - begin) / 1_000;
            if (answer.status() != 200) {
                throw new IllegalStateException(asked + ": " + answer.status() + " " + answer.body());
            }
            counts[i] = found.applyAsLong(answer.body());
        });
        assertThat(run.errors()).isZero();
        long[] sorted = counts.clone();
        Arrays.sort(sorted);
        BenchSupport.line(report, "%-58s %s; %s: median %,d", label + ":", BenchSupport.percentiles(micros), what,
                sorted[sorted.length / 2]);
    }

    static String surname(Random random) {
        StringBuilder name = new StringBuilder();
        int parts = 2 + random.nextInt(2);
        for (int p = 0; p < parts; p++) {
            name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
