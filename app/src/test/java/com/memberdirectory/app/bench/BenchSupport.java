package com.memberdirectory.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.ServerProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Load generation and figures shared by the benchmarks. */
final class BenchSupport {

    /**
     * The service's log levels in the benchmarks: its defaults (INFO) rather than the tests' WARN, so that the
     * start-up figures include the logging a production start does; the MongoDB stand-in's chatter left out.
     */
    static final List<String> SERVICE_LOGGING = List.of("--logging.level.root=INFO", "--logging.level.de.bwaldvogel=WARN");

    private BenchSupport() {
    }

    /** The service on {@code data} with the benchmarks' logging, its output appended to {@code log}. */
    static ServerProcess.Launch launch(Path data, Path log, String heap) {
        return new ServerProcess.Launch(data, heap).withLog(log).withProperties(SERVICE_LOGGING);
    }

    /** Latencies (µs) of {@code count} calls made by {@code clients} threads; each call must answer {@code expected}. */
    static long[] run(int count, int clients, int expected, IntFunction<Api.Response> call) throws Exception {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        Api.Response response = call.apply(i);
                        latencies[i] = (System.nanoTime() - start) / 1_000;
                        if (response.status() != expected) {
                            throw new IllegalStateException("call " + i + " answered " + response.status() + " " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return latencies;
    }

    static String percentiles(long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted[sorted.length / 2] / 1000.0,
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1000.0,
                sorted[sorted.length - 1] / 1000.0);
    }

    /** Creates {@code count} members in one department with 8 clients; answers their ids. */
    static List<String> createMembers(Api api, int count, StringBuilder report) throws Exception {
        String department = api.post("/api/departments", Map.of("name", "Bench " + System.nanoTime())).text("id");
        String[] ids = new String[count];
        long start = System.nanoTime();
        long[] latencies = run(count, 8, 201, i -> {
            Api.Response created = api.post("/api/members", Map.of("name", "Member " + i,
                    "workEmail", "bench" + i + "-" + department.substring(0, 6) + "@example.com",
                    "departmentIds", List.of(department)));
            if (created.status() == 201) {
                ids[i] = created.text("id");
            }
            return created;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        line(report, "create %,d members over HTTP (8 clients): %.1f s, %.0f creates/s, %s", count, seconds,
                count / seconds, percentiles(latencies));
        return List.of(ids);
    }

    static void line(StringBuilder report, String format, Object... args) {
        String text = String.format(format, args);
        System.out.println("[bench] " + text);
        report.append(text).append('\n');
    }

    static void write(StringBuilder report, String name) throws IOException {
        Path file = Path.of("target", name);
        Files.writeString(file, report);
        System.out.println("[bench] written to " + file.toAbsolutePath());
    }

    static JsonNode await(Api api, String path, String field, List<String> until, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            Api.Response response = api.get(path);
            if (response.body() != null && until.contains(response.text(field))) {
                return response.body();
            }
            ServerProcess.sleep(100);
        }
        throw new IllegalStateException(path + " did not reach " + until);
    }
}
