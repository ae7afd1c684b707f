package com.memberdirectory.app.bench;

import com.memberdirectory.app.support.Api;
import com.memberdirectory.app.support.ServerProcess;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.CityChanged;
import com.memberdirectory.kernel.member.DepartmentsChanged;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberNameChanged;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Issue #20's point-in-time figures: a store of N events (N/10 members, each created and then changed nine times —
 * city, name, department — in rounds over every member, stamped 100 ms apart with up to 5 s of jitter so the store's
 * order is not the stamps' order) is written straight into a fresh embedded data folder; the service is started on it
 * and, once its index of member versions has caught up, a member {@code asOf} and pages of the directory
 * {@code asOf} (the first, middle and last pages, with and without a department, at four instants) are timed one request at a
 * time. Prints medians and p99.
 */
@Tag("bench")
class AsOfBenchmark {

    private static final Instant BASE = Instant.parse("2026-01-05T08:00:00Z");
    private static final int DEPARTMENTS = 20;
    private static final int ROUNDS = 10;

    @Test
    void point_in_time_reads_of_a_large_store() throws Exception {
        int events = Integer.getInteger("bench.events", 1_000_000);
        int members = events / ROUNDS;
        int samples = Integer.getInteger("bench.samples", 40);
        Path root = Path.of("target", "bench", "asof-" + events + "-" + System.currentTimeMillis());
        Path data = root.resolve("data");
        StringBuilder report = new StringBuilder();
        BenchSupport.line(report, "asOf benchmark, %,d events (%,d members, %d departments), %s", events, members,
                DEPARTMENTS, Instant.now());
        long start = System.nanoTime();
        List<String> departments = new ArrayList<>();
        for (int d = 0; d < DEPARTMENTS; d++) {
            departments.add(UUID.randomUUID().toString());
        }
        List<String> ids = ReplayBenchmark.intoFreshStore(data, engine -> write(engine, members, departments));
        Instant end = BASE.plusMillis(100L * events);
        BenchSupport.line(report, "wrote the store directly: %.1f s; history %s to %s", (System.nanoTime() - start) / 1e9,
                BASE, end);

        long boot = System.nanoTime();
        try (ServerProcess server = new ServerProcess(data, "1g",
                List.of("--logging.level.com.memberdirectory.query.search.IndexFreshness=INFO"), Duration.ofHours(1))) {
            Api api = server.api();
            Path log = data.resolveSibling(data.getFileName() + ".log");
            // An instant before the first event: cheap either way, and each such read tells the log when the index
            // of member versions has caught up (until then the list as it was is a replay of the events).
            while (!Files.readString(log).contains("index of member versions has caught up")) {
                Api.Response early = api.get("/api/members?asOf=2000-01-01T00:00:00Z&size=1");
                if (early.status() != 200) {
                    throw new IllegalStateException("asOf answered " + early.status() + " " + early.body());
                }
                ServerProcess.sleep(1_000);
            }
            BenchSupport.line(report, "start + index of member versions caught up from nothing: %.1f s",
                    (System.nanoTime() - boot) / 1e9);
            BenchSupport.line(report, "index of member versions on disk: %,d bytes; event store: %,d bytes",
                    ServerProcess.folderBytes(data.resolve("asof")), ServerProcess.folderBytes(data.resolve("events")));

            Random random = new Random(42);
            List<Instant> instants = List.of(BASE.plus(Duration.between(BASE, end).multipliedBy(1).dividedBy(4)),
                    BASE.plus(Duration.between(BASE, end).dividedBy(2)),
                    BASE.plus(Duration.between(BASE, end).multipliedBy(3).dividedBy(4)), end.plusSeconds(60));
            // warm-up
            time(20, i -> api.get("/api/members/" + ids.get(random.nextInt(ids.size())) + "?asOf=" + instants.get(i % 4)));
            time(20, i -> api.get("/api/members?size=50&asOf=" + instants.get(i % 4)));

            Latencies member = time(samples * 5, i -> api.get("/api/members/" + ids.get(random.nextInt(ids.size()))
                    + "?asOf=" + instants.get(random.nextInt(instants.size()))));
            BenchSupport.line(report, "member asOf (random member, random instant of 4)           %s", member.describe());
            List<Long> all = new ArrayList<>();
            for (Instant asOf : instants) {
                for (boolean department : List.of(false, true)) {
                    for (int where = 0; where < 3; where++) {
                        String filter = department ? "&departmentId=" + departments.get(random.nextInt(DEPARTMENTS)) : "";
                        Api.Response first = api.get("/api/members?size=50&asOf=" + asOf + filter);
                        long total = first.body().get("total").asLong();
                        // the first page, the middle one, the last full one
                        int page = (int) (where * Math.max(0, total / 50 - 1) / 2);
                        long[] nanos = new long[samples];
                        for (int i = 0; i < samples; i++) {
                            String dept = department ? "&departmentId=" + departments.get(random.nextInt(DEPARTMENTS)) : "";
                            long t = System.nanoTime();
                            Api.Response response = api.get("/api/members?size=50&page=" + page + "&asOf=" + asOf + dept);
                            nanos[i] = System.nanoTime() - t;
                            check(response);
                            all.add(nanos[i]);
                        }
                        BenchSupport.line(report, "directory asOf %s, %-13s page %5d of 50 (total %,7d)  %s", asOf,
                                department ? "a department," : "everyone,", page, total, new Latencies(nanos).describe());
                    }
                }
            }
            BenchSupport.line(report, "directory page asOf, all of the above (%d requests)      %s", all.size(),
                    new Latencies(all.stream().mapToLong(Long::longValue).toArray()).describe());
            BenchSupport.line(report, "server heap used after: %.0f MB", server.heapUsedMb());
        }
        BenchSupport.write(report, "bench-asof-" + events + ".txt");
    }

    private static Latencies time(int count, IntFunction<Api.Response> call) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            Api.Response response = call.apply(i);
            nanos[i] = System.nanoTime() - t;
            check(response);
        }
        return new Latencies(nanos);
    }

    private static void check(Api.Response response) {
        if (response.status() != 200) {
            throw new IllegalStateException("answered " + response.status() + " " + response.body());
        }
    }

    /** Writes the history; answers the members' ids. */
    private static List<String> write(org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine engine,
                                      int members, List<String> departments) {
        MetaData meta = MetaData.with("actor", "bench").and("source", "SYSTEM").and("correlationId", "bench");
        Random random = new Random(20);
        List<String> ids = new ArrayList<>(members);
        List<List<DepartmentId>> in = new ArrayList<>(members);
        List<String> names = new ArrayList<>(members);
        for (int m = 0; m < members; m++) {
            ids.add(UUID.randomUUID().toString());
            in.add(List.of(new DepartmentId(departments.get(random.nextInt(departments.size())))));
            names.add("Member " + m);
        }
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        long k = 0;
        List<Integer> order = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            order.add(m);
        }
        for (int round = 0; round < ROUNDS; round++) {
            Collections.shuffle(order, random);
            for (int m : order) {
                MemberId id = new MemberId(ids.get(m));
                Instant stamp = BASE.plusMillis(100 * k++).minusMillis(random.nextInt(5_000));
                Object event;
                if (round == 0) {
                    event = new MemberCreated(id, names.get(m), null, null, null, "u-" + m, "m" + m + "@example.com", null,
                            null, false, Gender.UNSPECIFIED, in.get(m), null, null, null, null, null, null, List.of(),
                            LoginEmailType.WORK_EMAIL, "m" + m + "@example.com");
                } else if (round % 3 == 0) {
                    String next = "Renamed " + round + " " + m;
                    event = new MemberNameChanged(id, names.get(m), next);
                    names.set(m, next);
                } else if (round % 4 == 1) {
                    List<DepartmentId> next = List.of(new DepartmentId(departments.get(random.nextInt(departments.size()))));
                    event = new DepartmentsChanged(id, in.get(m), next);
                    in.set(m, next);
                } else {
                    event = new CityChanged(id, null, "City " + round);
                }
                batch.add(new GenericDomainEventMessage<>("Member", id.value(), round, event, meta,
                        UUID.randomUUID().toString(), stamp));
                if (batch.size() >= 5_000) {
                    engine.appendEvents(batch);
                    batch.clear();
                }
            }
        }
        engine.appendEvents(batch);
        return ids;
    }
}
