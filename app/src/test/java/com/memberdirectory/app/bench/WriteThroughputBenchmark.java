package com.memberdirectory.app.bench;

import com.memberdirectory.app.MemberDirectoryApplication;
import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.kernel.department.CreateDepartment;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.CreateMember;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.UpdateMember;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.ProcessCpu;
import com.memberdirectory.testsupport.ServerProcess;
import com.memberdirectory.testsupport.Tokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Write throughput of the embedded default (issue "Foundation", point 8). Not part of the normal build; run with
 * {@code scripts/bench.sh N} (= {@code ./mvnw -B -o -Pbench -pl app -am verify -Dbench.members=N}).
 * <ol>
 * <li>HTTP: the real jar as a separate process on a fresh folder ({@code -Xmx1g}); 1 department, N creates and N
 * edits (name + phone, two events) from {@code bench.clients} (8) concurrent keep-alive clients. Every write
 * returns only once the member list shows it (read-your-writes). The edits visit the members in a shuffled order,
 * not in the order they were created: member IDs are time-ordered, and edits in creation order would find each
 * member next to the last one in every index — kinder than an administrator's real, scattered edits.</li>
 * <li>Disk: the folder after a clean stop, per file, and bytes per stored event.</li>
 * <li>Floor: the same creates and edits sent straight to the {@link CommandGateway} of an in-process application
 * on a second fresh folder, 8 threads, no HTTP and no waiting for the read model.</li>
 * </ol>
 * The summary is printed and written to {@code target/bench-N.txt}.
 */
@Tag("bench")
class WriteThroughputBenchmark {

    private static final int N = Integer.getInteger("bench.members", 2_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);

    /** One write; returns nothing or throws. */
    interface Op {
        void run(int index) throws Exception;
    }

    record Run(String label, int count, long wallNanos, long[] latencies, long[] ackedAt, int errors) {

        double perSecond() {
            return count / (wallNanos / 1e9);
        }

        /** Throughput over the first and the last fifth of the acknowledgements (a slow-down shows here). */
        String firstVsLastFifth() {
            long[] acks = ackedAt.clone();
            Arrays.sort(acks);
            int fifth = Math.max(1, acks.length / 5);
            double first = fifth / ((acks[fifth - 1] - acks[0]) / 1e9);
            double last = fifth / ((acks[acks.length - 1] - acks[acks.length - fifth]) / 1e9);
            return String.format("first fifth %,.0f/s, last fifth %,.0f/s", first, last);
        }

        String line() {
            return String.format("%-14s %,8d in %7.1f s = %,8.0f/s   %s   (%s; errors %d)", label, count,
                    wallNanos / 1e9, perSecond(), new Latencies(latencies).describe(), firstVsLastFifth(), errors);
        }
    }

    static Run parallel(String label, int count, int threads, Op op) throws InterruptedException {
        long[] latencies = new long[count];
        long[] ackedAt = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long begin = System.nanoTime();
                    try {
                        op.run(i);
                    } catch (Throwable e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e);
                    }
                    long end = System.nanoTime();
                    latencies[i] = end - begin;
                    ackedAt[i] = end;
                }
            }, label + "-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long wall = System.nanoTime() - start;
        if (firstError.get() != null) {
            System.err.println(label + ": " + errors.get() + " errors, first: " + firstError.get());
        }
        return new Run(label, count, wall, latencies, ackedAt, errors.get());
    }

    /** 0 … count-1 in a shuffled order, the same in every run. */
    static int[] shuffled(int count) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(20_000));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    static String phone(int prefix, int i) {
        return String.format("+86%d%08d", prefix, i);
    }

    @Test
    void writeThroughput() throws Exception {
        Path root = Path.of("target", "bench-" + N).toAbsolutePath();
        FileSystemUtils.deleteRecursively(root);
        Files.createDirectories(root);
        StringBuilder summary = new StringBuilder();
        summary.append(String.format("=== Member Directory write benchmark: N=%,d members, %d clients, %s ===%n",
                N, CLIENTS, LocalDateTime.now().withNano(0)));
        summary.append(String.format("machine: %d cores, load average before start %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage()));

        // ---- 1. HTTP against the real jar ----
        Path httpData = root.resolve("http-data");
        String[] ids = new String[N];
        Run creates;
        Run edits;
        long visibleAfterNanos;
        long queryNanos;
        Map<String, Long> sizesWhileRunning;
        String createsCpu;
        String editsCpu;
        try (ServerProcess server = new ServerProcess(BenchSupport.launch(httpData, root.resolve("server.log"), "1g"))) {
            Api client = server.api();
            Api.Response department = client.post("/api/departments", Map.of("name", "Benchmark"));
            assertThat(department.status()).isEqualTo(201);
            String departmentId = department.body().get("id").asText();

            long self = ProcessHandle.current().pid();
            ProcessCpu serverBefore = ProcessCpu.of(server.pid());
            ProcessCpu clientBefore = ProcessCpu.of(self);
            creates = parallel("HTTP creates", N, CLIENTS, i -> {
                Api.Response created = client.post("/api/members", Map.of(
                        "name", "Bench Member " + i,
                        "workEmail", "member" + i + "@bench.example",
                        "phone", phone(138, i),
                        "departmentIds", List.of(departmentId)));
                if (created.status() != 201) {
                    throw new IllegalStateException("create " + i + ": " + created.status() + " " + created.body());
                }
                ids[i] = created.body().get("id").asText();
            });
            ProcessCpu serverMiddle = ProcessCpu.of(server.pid());
            ProcessCpu clientMiddle = ProcessCpu.of(self);
            createsCpu = cpuLine("creates", N, serverBefore, serverMiddle, clientBefore, clientMiddle);
            int[] editOrder = shuffled(N);
            edits = parallel("HTTP edits", N, CLIENTS, i -> {
                int m = editOrder[i];
                if (ids[m] == null) {
                    throw new IllegalStateException("member " + m + " was not created");
                }
                Api.Response edited = client.patch("/api/members/" + ids[m], Map.of(
                        "name", "Edited Member " + m,
                        "phone", phone(139, m)));
                if (edited.status() != 200) {
                    throw new IllegalStateException("edit " + m + ": " + edited.status() + " " + edited.body());
                }
            });

            editsCpu = cpuLine("edits", N, serverMiddle, ProcessCpu.of(server.pid()), clientMiddle, ProcessCpu.of(self));

            // The last acknowledged edit, and how long until the list query (q=its new name) shows it.
            int last = 0;
            for (int i = 1; i < N; i++) {
                if (edits.ackedAt()[i] > edits.ackedAt()[last]) {
                    last = i;
                }
            }
            String name = "Edited Member " + editOrder[last];
            String query = "/api/members?size=5&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
            long firstQuery = 0;
            while (true) {
                long begin = System.nanoTime();
                Api.Response page = client.get(query);
                long end = System.nanoTime();
                if (firstQuery == 0) {
                    firstQuery = end - begin;
                }
                boolean visible = false;
                for (var item : page.body().get("items")) {
                    visible |= name.equals(item.get("name").asText());
                }
                if (visible) {
                    visibleAfterNanos = end - edits.ackedAt()[last];
                    break;
                }
                if (end - edits.ackedAt()[last] > 60_000_000_000L) {
                    throw new IllegalStateException("The last edit is not in the list after 60 s");
                }
            }
            queryNanos = firstQuery;
            Api.Response all = client.get("/api/members?size=1");
            assertThat(all.body().get("total").asLong()).isEqualTo(N);
            sizesWhileRunning = StoreInspection.fileSizes(httpData);
            server.stop();
        }

        summary.append(String.format("load average after HTTP phase: %s%n", loadAverage()));
        summary.append(String.format("--- HTTP (separate JVM, -Xmx1g %s, read-your-writes on every write) ---%n",
                String.join(" ", ServerProcess.jvmArguments())));
        summary.append(creates.line()).append('\n');
        summary.append(edits.line()).append('\n');
        summary.append(createsCpu).append(editsCpu);
        summary.append(String.format("last acknowledged edit -> visible in GET /api/members?q=<new name>: %.1f ms"
                + " (the list query itself: %.1f ms)%n", visibleAfterNanos / 1e6, queryNanos / 1e6));

        // ---- 2. Disk ----
        Map<String, Long> sizes = StoreInspection.fileSizes(httpData);
        StoreInspection.EventStats events = StoreInspection.eventStats(httpData);
        long total = sizes.values().stream().mapToLong(Long::longValue).sum();
        long eventFiles = sizes.entrySet().stream().filter(e -> e.getKey().startsWith("events"))
                .mapToLong(Map.Entry::getValue).sum();
        summary.append(String.format("--- Disk: %-19s %15s   %15s%n", "file", "while running", "after clean stop"));
        java.util.Set<String> names = new java.util.TreeSet<>(sizes.keySet());
        names.addAll(sizesWhileRunning.keySet());
        names.forEach(file -> summary.append(String.format("  %-28s %,15d   %,15d bytes%n", file,
                sizesWhileRunning.getOrDefault(file, 0L), sizes.getOrDefault(file, 0L))));
        summary.append(String.format("  %-28s %,15d   %,15d bytes%n", "TOTAL",
                sizesWhileRunning.values().stream().mapToLong(Long::longValue).sum(), total));
        summary.append(String.format("events stored: %,d (payload %,d B = %.0f B/event, metadata %,d B = %.0f B/event)%n",
                events.events(), events.payloadBytes(), (double) events.payloadBytes() / events.events(),
                events.metaDataBytes(), (double) events.metaDataBytes() / events.events()));
        summary.append(String.format("bytes per event: %,.0f B total folder, %,.0f B event store (events/) only%n",
                (double) total / events.events(), (double) eventFiles / events.events()));

        // ---- 3. Floor: straight to the CommandGateway, in-process, no HTTP ----
        Run floorCreates;
        Run floorEdits;
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MemberDirectoryApplication.class)
                .properties(Map.of(
                        "directory.security.jwt-secret", Tokens.SECRET,
                        "directory.security.primary-admin", ServerProcess.ADMIN,
                        "directory.embedded-store.path", root.resolve("floor-data").toString(),
                        "server.port", "0",
                        "logging.level.root", "WARN",
                        "logging.level.de.bwaldvogel", "OFF",
                        "axoniq.update-checker.disabled", "true"))
                .run();
        try {
            CommandGateway gateway = context.getBean(CommandGateway.class);
            DepartmentId department = DepartmentId.generate();
            gateway.sendAndWait(new CreateDepartment(department, "Floor", null, Actor.organization("admin")));
            MemberId[] memberIds = new MemberId[N];
            floorCreates = parallel("floor creates", N, CLIENTS, i -> {
                MemberId id = MemberId.generate();
                gateway.sendAndWait(new CreateMember(id, MemberChanges.builder().set(MemberFields.NAME, "Bench Member " + i)
                        .set(MemberFields.WORK_EMAIL, "member" + i + "@bench.example").set(MemberFields.PHONE, phone(138, i)).set(MemberFields.DEPARTMENTS, List.of(department))
                        .build(), Actor.organization("admin")));
                memberIds[i] = id;
            });
            int[] editOrder = shuffled(N);
            floorEdits = parallel("floor edits", N, CLIENTS, i -> gateway.sendAndWait(
                    new UpdateMember(memberIds[editOrder[i]], null, MemberChanges.builder()
                            .set(MemberFields.NAME, "Edited Member " + editOrder[i]).set(MemberFields.PHONE, phone(139, editOrder[i])).build(), Actor.organization("admin"))));
        } finally {
            context.close();
        }
        summary.append("--- Floor: CommandGateway.sendAndWait in-process, no HTTP, no read-your-writes wait ---\n");
        summary.append(floorCreates.line()).append('\n');
        summary.append(floorEdits.line()).append('\n');
        summary.append(String.format("load average at the end: %s%n", loadAverage()));
        summary.append("Targets: >= 1,000 edits/s over HTTP with p99 <= 50 ms; no slow-down 20k -> 100k;"
                + " <= 2 KB disk per event; no acknowledged write lost on kill -9 (KillNineDurabilityTest).\n");

        System.out.println();
        System.out.println(summary);
        Files.writeString(Path.of("target", "bench-" + N + ".txt"), summary);
        assertThat(creates.errors() + edits.errors() + floorCreates.errors() + floorEdits.errors()).isZero();
    }

    /**
     * The CPU time the service and the benchmark's own JVM (the HTTP clients and anything else it does meanwhile)
     * used per request of a phase; nothing where there is no {@code /proc}.
     */
    static String cpuLine(String phase, int requests, ProcessCpu serverBefore, ProcessCpu serverAfter,
                          ProcessCpu clientBefore, ProcessCpu clientAfter) {
        if (serverBefore == null || serverAfter == null || clientBefore == null || clientAfter == null) {
            return "";
        }
        ProcessCpu service = serverAfter.minus(serverBefore);
        return String.format("CPU per HTTP %s: service %s; benchmark's clients %s%n  service's threads (ms per op): %s%n",
                phase, service.perOperationSplit(requests), clientAfter.minus(clientBefore).perOperation(requests),
                service.perOperationByThreadGroup(requests, 8));
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "n/a";
        }
    }
}
