package com.memberdirectory.app.bench;

import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.ServerProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up and resident memory of the service under the README's start command (the heap of {@code app/jvm.options}
 * unless {@code bench.heap} gives one). Not part of the normal build:
 * {@code ./mvnw -B -Pbench -pl app -am verify -Dit.test=StartupFootprintBenchmark -Dbench.members=100000}.
 * <ol>
 * <li>Three starts on a fresh folder: time from launching {@code java} until readiness is UP and an API call
 * answers, and the resident set (VmRSS) then.</li>
 * <li>N members created over HTTP (8 clients), then the member list read page by page to its end, as an
 * administrator paging through it would; the resident set after each.</li>
 * <li>A clean stop and a start on the folder that now holds the N members: time until ready, resident set.</li>
 * </ol>
 * The summary is printed and written to {@code target/bench-startup-N.txt}.
 */
@Tag("bench")
class StartupFootprintBenchmark {

    private static final int N = Integer.getInteger("bench.members", 2_000);
    private static final String HEAP = System.getProperty("bench.heap", "").isBlank() ? null : System.getProperty("bench.heap");
    private static final int PAGE = 500;

    @Test
    void startupAndFootprint() throws Exception {
        Path root = Path.of("target", "bench-startup-" + N).toAbsolutePath();
        FileSystemUtils.deleteRecursively(root);
        Files.createDirectories(root);
        StringBuilder report = new StringBuilder();
        BenchSupport.line(report, "=== Member Directory start-up and footprint: N=%,d, %s ===", N, LocalDateTime.now().withNano(0));
        BenchSupport.line(report, "service JVM: %s %s", HEAP == null ? "(the heap of app/jvm.options)" : "-Xmx" + HEAP,
                String.join(" ", ServerProcess.jvmArguments()));

        for (int run = 1; run <= 3; run++) {
            Path fresh = root.resolve("fresh-" + run);
            try (ServerProcess server = new ServerProcess(
                    BenchSupport.launch(fresh, root.resolve("server-fresh-" + run + ".log"), HEAP))) {
                BenchSupport.line(report, "start on an empty folder #%d: ready after %,d ms, resident %s", run,
                        server.readyAfter().toMillis(), server.resident());
                server.stop();
            }
        }

        Path data = root.resolve("data");
        try (ServerProcess server = new ServerProcess(BenchSupport.launch(data, root.resolve("server.log"), HEAP))) {
            Api client = server.api();
            String department = client.post("/api/departments", Map.of("name", "Footprint")).body().get("id").asText();
            long start = System.nanoTime();
            WriteThroughputBenchmark.Run creates = WriteThroughputBenchmark.parallel("HTTP creates", N, 8, i -> {
                Api.Response created = client.post("/api/members", Map.of(
                        "name", "Footprint Member " + i,
                        "workEmail", "footprint" + i + "@bench.example",
                        "phone", WriteThroughputBenchmark.phone(137, i),
                        "departmentIds", List.of(department)));
                if (created.status() != 201) {
                    throw new IllegalStateException("create " + i + ": " + created.status() + " " + created.body());
                }
            });
            assertThat(creates.errors()).isZero();
            BenchSupport.line(report, "%,d members created in %.1f s (%,.0f/s); resident %s", N,
                    (System.nanoTime() - start) / 1e9, creates.perSecond(), server.resident());

            long pages = 0;
            long listStart = System.nanoTime();
            for (int page = 0; ; page++) {
                Api.Response list = client.get("/api/members?size=" + PAGE + "&page=" + page);
                assertThat(list.status()).isEqualTo(200);
                pages++;
                if (list.body().get("items").size() < PAGE) {
                    assertThat(list.body().get("total").asLong()).isEqualTo(N);
                    break;
                }
            }
            BenchSupport.line(report, "the list read to its end (%,d pages of %d) in %.1f s; resident %s", pages, PAGE,
                    (System.nanoTime() - listStart) / 1e9, server.resident());
            nativeMemory(report, server);
            server.stop();
        }

        try (ServerProcess server = new ServerProcess(BenchSupport.launch(data, root.resolve("server-restart.log"), HEAP))) {
            BenchSupport.line(report, "start on the folder with %,d members: ready after %,d ms, resident %s", N,
                    server.readyAfter().toMillis(), server.resident());
            assertThat(server.api().get("/api/members?size=1").body().get("total").asLong()).isEqualTo(N);
            BenchSupport.line(report, "after the first list request: resident %s", server.resident());
            server.stop();
        }
        BenchSupport.write(report, "bench-startup-" + N + ".txt");
    }

    /**
     * With {@code -Dbench.serverJvmArgs=-XX:NativeMemoryTracking=summary}: where the service's memory is, by the JVM's
     * own account (the committed size of each area), beside the resident set.
     */
    private static void nativeMemory(StringBuilder report, ServerProcess server) throws Exception {
        if (!System.getProperty("bench.serverJvmArgs", "").contains("NativeMemoryTracking")) {
            return;
        }
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(server.pid()), "VM.native_memory", "summary").redirectErrorStream(true).start();
        String summary = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        summary.lines().filter(line -> line.startsWith("Total") || line.matches("^-\\s+.*\\(reserved=.*"))
                .forEach(line -> BenchSupport.line(report, "  native memory: %s", line.replaceFirst("^-\\s+", "").strip()));
    }

}
