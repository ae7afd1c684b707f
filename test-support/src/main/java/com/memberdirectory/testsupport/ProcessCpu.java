package com.memberdirectory.testsupport;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time a process has used so far, from Linux's {@code /proc}. A benchmark phase's CPU per operation is the
 * difference of two snapshots divided by the operations: unlike throughput it hardly moves with the machine's
 * other load, and for the service the split shows how much of a short, cold run the JIT takes.
 * <p>
 * The total is the process's own ({@code /proc/<pid>/stat}), which keeps the time of threads that have ended.
 * The collector's threads ({@code GC Thread#…}, {@code VM Thread}) and the service's working threads (HTTP,
 * command writer, processors, stores) live through a benchmark phase and are read one by one
 * ({@code /proc/<pid>/task/<tid>/stat}). HotSpot's compiler threads do not: it starts and stops them as its queue
 * of methods grows and shrinks, and a stopped thread's time is in no task any more. The JIT's share is
 * therefore what is left: total − collector − the other live threads. A working thread that ended during a
 * phase would be counted as JIT; the service's pools keep theirs (thread lists taken during the write
 * benchmark: only {@code C2 CompilerThre…} came and went).
 */
public record ProcessCpu(long total, long gc, long work, Map<String, Long> byThreadGroup) {

    /** Clock ticks per second of {@code /proc}'s times; 100 on every Linux the JVM supports. */
    private static final long TICKS_PER_SECOND = 100;

    /** The CPU time of the process {@code pid} so far, or null where there is no {@code /proc}. */
    public static ProcessCpu of(long pid) {
        Path process = Path.of("/proc", Long.toString(pid));
        long gc = 0;
        long work = 0;
        Map<String, Long> groups = new HashMap<>();
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(process.resolve("task"))) {
            long total = nanos(Files.readString(process.resolve("stat")));
            for (Path thread : threads) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (isCompiler(name)) {
                    continue;
                }
                if (isCollector(name)) {
                    gc += nanos(stat);
                } else {
                    work += nanos(stat);
                    groups.merge(group(name), nanos(stat), Long::sum);
                }
            }
            return new ProcessCpu(total, gc, work, groups);
        } catch (IOException | RuntimeException noProc) {
            return null;
        }
    }

    /** HotSpot's thread names as Linux keeps them (15 characters). */
    private static boolean isCompiler(String threadName) {
        return threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre");
    }

    private static boolean isCollector(String threadName) {
        return threadName.startsWith("GC Thread") || threadName.startsWith("VM Thread") || threadName.startsWith("G1 ");
    }

    /** A pool's threads together: the digits of "http-nio-8080-exec-12" or "mongo-server-worker3" left out. */
    private static String group(String threadName) {
        return threadName.replaceAll("[0-9]+", "#");
    }

    /** utime + stime of a {@code stat} line: "pid (comm) state …"; comm may hold spaces and parentheses. */
    private static long nanos(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    public ProcessCpu minus(ProcessCpu earlier) {
        Map<String, Long> groups = new HashMap<>(byThreadGroup);
        earlier.byThreadGroup.forEach((group, nanos) -> groups.merge(group, -nanos, Long::sum));
        return new ProcessCpu(total - earlier.total, gc - earlier.gc, work - earlier.work, groups);
    }

    public long jit() {
        return total - gc - work;
    }

    /** "1.234 ms per op (JIT 0.400, GC 0.100, work 0.734)". */
    public String perOperationSplit(int operations) {
        double ms = 1e6 * operations;
        return String.format("%.3f ms per op (JIT %.3f, GC %.3f, work %.3f)", total / ms, jit() / ms, gc / ms, work / ms);
    }

    /** The working threads that took the most, per op: "http-nio-#-exec-# 0.600, command-writer 0.300, …". */
    public String perOperationByThreadGroup(int operations, int groups) {
        double ms = 1e6 * operations;
        return byThreadGroup.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(groups)
                .map(e -> String.format("%s %.3f", e.getKey(), e.getValue() / ms))
                .collect(Collectors.joining(", "));
    }

    /** "1.234 ms per op". */
    public String perOperation(int operations) {
        return String.format("%.3f ms per op", total / (1e6 * operations));
    }
}
