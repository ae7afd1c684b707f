package com.memberdirectory.app.bench;

import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.ServerProcess;
import com.memberdirectory.testsupport.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Issue #21's benchmark: provisioning over SCIM against the console API, on the same service, same clients.
 * The service (the README's JVM options, a fresh folder) gets a department and a provisioning client; then, each with
 * {@code bench.clients} (8) keep-alive clients: N members created over the console API and N over SCIM
 * ({@code POST /Users}), then N edits over the console (a JSON merge patch of the surname and the phone) and N over
 * SCIM (a {@code PATCH} of the same two attributes as Entra ID sends it: replace operations with paths), each member
 * edited once in shuffled order — after {@code bench.warmUp} (2,000) writes of each kind that are not measured. The
 * two paths take turns in rounds ({@link #inTurn}). Every write
 * answers once the member list shows it, on both paths. Then, with 2N (and the warm-up's) members in the directory,
 * {@value #READS} look-ups of a random member by {@code filter=userName eq "…"}, one at a time. Rates and latencies
 * are printed and written to {@code target/bench-scim-N.txt}.
 * <pre>./mvnw -B -Pbench -pl app -am verify -Dit.test=ScimBenchmark -Dbench.members=50000</pre>
 */
@Tag("bench")
class ScimBenchmark {

    private static final int N = Integer.getInteger("bench.members", 2_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final int READS = 500;
    private static final int ROUNDS = 4;
    private static final int WARM_UP = Integer.getInteger("bench.warmUp", 2_000);
    private static final String SCIM = "application/scim+json";
    private static final String CLIENT = "scim-bench";

    @Test
    void scim_against_the_console() throws Exception {
        Path root = Path.of("target", "bench", "scim-" + N + "-" + System.currentTimeMillis());
        StringBuilder report = new StringBuilder();
        BenchSupport.line(report, "SCIM benchmark, %,d members per path, %d clients, %s", N, CLIENTS, java.time.Instant.now());
        try (ServerProcess server = new ServerProcess(BenchSupport.launch(root.resolve("data"), root.resolve("service.log"), null))) {
            Api admin = server.api();
            String department = admin.post("/api/departments", Map.of("name", "Provisioned")).text("id");
            admin.put("/api/admins/" + CLIENT, Map.of("permissions", List.of("PROVISIONING"))).expect(200);
            Api scim = admin.as(Tokens.valid(CLIENT));
            warmUp(admin, scim, department);

            String[] consoleIds = new String[N];
            String[] scimIds = new String[N];
            String[] userNames = new String[N];
            int[] order = shuffled(N);
            inTurn(report, 201,
                    "console create  (POST /api/members)", i -> {
                        Api.Response created = admin.post("/api/members", Map.of("name", "Console " + i,
                                "workEmail", "console" + i + "@example.com", "departmentIds", List.of(department)));
                        if (created.status() == 201) {
                            consoleIds[i] = created.text("id");
                        }
                        return created;
                    },
                    "SCIM create     (POST /scim/v2/Users)", i -> {
                        userNames[i] = "scim." + i;
                        Api.Response created = scim.post("/scim/v2/Users", Map.of(
                                "schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User",
                                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
                                "userName", userNames[i], "externalId", "ext-" + i,
                                "name", Map.of("givenName", "Scim", "familyName", "Member " + i),
                                "emails", List.of(Map.of("value", "scim" + i + "@example.com", "type", "work", "primary", true)),
                                "active", true,
                                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", Map.of("department", "Provisioned")),
                                "Content-Type", SCIM);
                        if (created.status() == 201) {
                            scimIds[i] = created.text("id");
                        }
                        return created;
                    });
            inTurn(report, 200,
                    "console edit    (PATCH /api/members/{id})", i -> admin.patch("/api/members/"
                            + consoleIds[order[i]], Map.of("surname", "Edited " + i, "phone", phone("138", i))),
                    "SCIM edit       (PATCH /scim/v2/Users/{id})", i -> scim.send("PATCH",
                            "/scim/v2/Users/" + scimIds[order[i]], Api.json(Map.of(
                                    "schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                                    "Operations", List.of(
                                            Map.of("op", "Replace", "path", "name.familyName", "value", "Edited " + i),
                                            Map.of("op", "Replace", "path", "phoneNumbers[type eq \"work\"].value",
                                                    "value", phone("139", i)))))
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type", SCIM));

            long[] micros = new long[READS];
            for (int i = -20; i < READS; i++) {
                String userName = userNames[ThreadLocalRandom.current().nextInt(N)];
                long start = System.nanoTime();
                Api.Response found = scim.get("/scim/v2/Users?filter=" + java.net.URLEncoder.encode(
                        "userName eq \"" + userName + "\"", java.nio.charset.StandardCharsets.UTF_8));
                if (found.status() != 200 || found.body().get("totalResults").asInt() != 1) {
                    throw new IllegalStateException("filter for " + userName + ": " + found.status() + " " + found.body());
                }
                if (i >= 0) {
                    micros[i] = (System.nanoTime() - start) / 1_000;
                }
            }
            BenchSupport.line(report, "SCIM filter userName eq, %,d members, one at a time: %s", 2 * N + 2 * WARM_UP,
                    BenchSupport.percentiles(micros));
        }
        BenchSupport.write(report, "bench-scim-" + N + ".txt");
    }

    /**
     * The same four kinds of writes, {@value #WARM_UP} of each, not measured: the service's compiler runs C2 alone
     * (app/jvm.options), so the first thousands of requests after a start are slower whichever path comes first.
     */
    private static void warmUp(Api admin, Api scim, String department) throws Exception {
        String[] ids = new String[WARM_UP];
        BenchSupport.run(WARM_UP, CLIENTS, 201, i -> {
            Api.Response created = admin.post("/api/members", Map.of("name", "Warm " + i,
                    "workEmail", "warm" + i + "@example.com", "departmentIds", List.of(department)));
            ids[i] = created.status() == 201 ? created.text("id") : null;
            return created;
        });
        BenchSupport.run(WARM_UP, CLIENTS, 200, i -> admin.patch("/api/members/" + ids[i], Map.of("surname", "W" + i)));
        BenchSupport.run(WARM_UP, CLIENTS, 201, i -> {
            Api.Response created = scim.post("/scim/v2/Users", Map.of("userName", "warm.scim." + i,
                    "emails", List.of(Map.of("value", "warm.scim" + i + "@example.com", "type", "work")),
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", Map.of("department", "Provisioned")),
                    "Content-Type", SCIM);
            ids[i] = created.status() == 201 ? created.text("id") : null;
            return created;
        });
        BenchSupport.run(WARM_UP, CLIENTS, 200, i -> scim.send("PATCH", "/scim/v2/Users/" + ids[i], Api.json(Map.of(
                "schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"), "Operations", List.of(
                        Map.of("op", "replace", "path", "name.familyName", "value", "W" + i))))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type", SCIM));
    }

    /**
     * The two paths' writes of one kind taken in turn: {@value #ROUNDS} rounds of N / {@value #ROUNDS} writes each,
     * the first path first in even rounds and second in odd ones, so that neither path always meets the larger store
     * or the other's background work (index merges, checkpoints); each path's rate is its N writes over the sum of
     * its rounds' times.
     */
    private static void inTurn(StringBuilder report, int expected, String labelA, java.util.function.IntFunction<Api.Response> a,
                               String labelB, java.util.function.IntFunction<Api.Response> b) throws Exception {
        long[][] latencies = {new long[N], new long[N]};
        long[] nanos = new long[2];
        List<java.util.function.IntFunction<Api.Response>> calls = List.of(a, b);
        for (int round = 0; round < ROUNDS; round++) {
            int from = round * N / ROUNDS;
            int to = (round + 1) * N / ROUNDS;
            for (int turn = 0; turn < 2; turn++) {
                int path = round % 2 == 0 ? turn : 1 - turn;
                java.util.function.IntFunction<Api.Response> call = calls.get(path);
                long start = System.nanoTime();
                long[] times = BenchSupport.run(to - from, CLIENTS, expected, i -> call.apply(from + i));
                nanos[path] += System.nanoTime() - start;
                System.arraycopy(times, 0, latencies[path], from, times.length);
            }
        }
        for (int path = 0; path < 2; path++) {
            double seconds = nanos[path] / 1e9;
            BenchSupport.line(report, "%-44s %,d in %.1f s = %,.0f/s, %s", path == 0 ? labelA : labelB, N, seconds,
                    N / seconds, BenchSupport.percentiles(latencies[path]));
        }
    }

    /** A mobile number of the README's format (valid for libphonenumber), one per member of a path. */
    private static String phone(String prefix, int i) {
        return String.format("+86%s%08d", prefix, i);
    }

    private static int[] shuffled(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = ThreadLocalRandom.current().nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
