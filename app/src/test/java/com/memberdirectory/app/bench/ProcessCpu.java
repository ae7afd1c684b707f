package com.memberdirectory.app.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time a process has used so far, from Linux's {@code /proc/<pid>/task/<tid>/stat}, split by what its threads
 * do: the JIT compilers, the garbage collector, and everything else (the work itself). A benchmark phase's CPU
 * per operation is the difference of two snapshots divided by the operations: unlike throughput it does not move
 * with the machine's other load, and the split shows how much of a short, cold run the JIT takes. Threads that
 * ended between the snapshots are missed (their time is not in any task any more); the service's pools keep
 * theirs. Empty where there is no {@code /proc} (the benchmark then prints nothing for it).
 */
record ProcessCpu(Map<String, Long> nanosByGroup) {

    static final String JIT = "JIT";
    static final String GC = "GC";
    static final String WORK = "work";

    /** Clock ticks per second of {@code /proc}'s times; 100 on every Linux the JVM supports. */
    private static final long TICKS_PER_SECOND = 100;

    static ProcessCpu of(long pid) {
        Map<String, Long> nanos = new LinkedHashMap<>(Map.of(JIT, 0L, GC, 0L, WORK, 0L));
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return new ProcessCpu(Map.of());
        }
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                // pid (comm) state ... ; comm may contain spaces and parentheses, so split after the last ')'.
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                nanos.merge(group(name), ticks * (1_000_000_000L / TICKS_PER_SECOND), Long::sum);
            }
        } catch (IOException e) {
            return new ProcessCpu(Map.of());
        }
        return new ProcessCpu(nanos);
    }

    /** HotSpot's thread names, as Linux keeps them (15 characters). */
    static String group(String threadName) {
        if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")) {
            return JIT;
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("VM Thread")
                || threadName.startsWith("G1 ") || threadName.startsWith("ParGC")) {
            return GC;
        }
        return WORK;
    }

    ProcessCpu minus(ProcessCpu earlier) {
        Map<String, Long> difference = new LinkedHashMap<>();
        nanosByGroup.forEach((group, nanos) -> difference.put(group, nanos - earlier.nanosByGroup.getOrDefault(group, 0L)));
        return new ProcessCpu(difference);
    }

    long total() {
        return nanosByGroup.values().stream().mapToLong(Long::longValue).sum();
    }

    /** "1.234 ms per op (JIT 0.4, GC 0.1, work 0.7)", or "n/a" without /proc. */
    String perOperation(int operations) {
        if (nanosByGroup.isEmpty()) {
            return "n/a";
        }
        double ms = 1e6 * operations;
        return String.format("%.3f ms per op (JIT %.3f, GC %.3f, work %.3f)", total() / ms,
                nanosByGroup.get(JIT) / ms, nanosByGroup.get(GC) / ms, nanosByGroup.get(WORK) / ms);
    }
}
