package com.memberdirectory.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The one launcher of the service as its own operating-system process on its own data folder, as in production: so
 * that the caller's JVM (its heap, its GC, its threads) is not the service's, and so that the service can be killed
 * like {@code kill -9} and started again on the same folder.
 * <p>
 * With the system property {@code bench.jar} the runnable jar is started ({@code java -jar}, as the README's start
 * command); without it (plain {@code mvn verify}, where the tests run before the jar is packaged) the main class is
 * started on this JVM's class path. It is named, not referenced: this module knows none of the service's code.
 */
public final class ServerProcess implements AutoCloseable {

    /** The service's primary admin: the subject of {@link #api()}. */
    public static final String ADMIN = "admin";
    /** The service's JVM options: the lines of {@code app/jvm.options} that are not comments. */
    public static final List<String> SERVICE_JVM_OPTIONS = serviceJvmOptions();

    private static final String MAIN_CLASS = "com.memberdirectory.app.MemberDirectoryApplication";
    /** Long enough for any test or benchmark run on the process's one admin client. */
    private static final Duration ADMIN_TOKEN_LIFE = Duration.ofDays(1);

    /**
     * What to start; started again once the process has ended ({@link #kill()}, {@link #stop()}), it restarts the
     * service on the same folder with the same options.
     *
     * @param data       the data folder ({@code directory.embedded-store.path})
     * @param heap       {@code -Xmx}; null: the one of {@code app/jvm.options}
     * @param properties more of the service's properties, e.g. {@code --directory.reads.as-of-max-members=3}; one
     *                   named like a launcher default ({@code --logging.level.root=INFO}, say) replaces it
     * @param readyWithin how long the service may take until it is ready (its read models caught up)
     * @param log        a file its output is appended to, by every start of the launch (a run's whole story);
     *                   null: {@code <data>.log} beside the data folder, written anew at each start, so that a test
     *                   reading it after a restart reads what that start logged
     */
    public record Launch(Path data, String heap, List<String> properties, Duration readyWithin, Path log) {

        public Launch(Path data, String heap) {
            this(data, heap, List.of(), Duration.ofMinutes(3), null);
        }

        public Launch withProperties(List<String> more) {
            List<String> all = new ArrayList<>(properties);
            all.addAll(more);
            return new Launch(data, heap, all, readyWithin, log);
        }

        public Launch withLog(Path file) {
            return new Launch(data, heap, properties, readyWithin, file);
        }

        Path logFile() {
            return log != null ? log : data.resolveSibling(data.getFileName() + ".log");
        }
    }

    public final Path data;
    public final int port;
    private final Launch launch;
    private final Process process;
    private final Api admin;
    private final Duration readyAfter;

    public ServerProcess(Path data, String heap) throws IOException {
        this(new Launch(data, heap));
    }

    public ServerProcess(Path data, String heap, List<String> properties) throws IOException {
        this(new Launch(data, heap).withProperties(properties));
    }

    public ServerProcess(Path data, String heap, List<String> properties, Duration readyWithin) throws IOException {
        this(new Launch(data, heap, properties, readyWithin, null));
    }

    /** Starts the service and waits until it is ready and answers an authenticated API call. */
    public ServerProcess(Launch launch) throws IOException {
        this.launch = launch;
        this.data = launch.data();
        this.port = freePort();
        this.admin = new Api(port, Tokens.hs256(ADMIN, Tokens.SECRET, ADMIN_TOKEN_LIFE));
        Files.createDirectories(data);
        Path log = launch.logFile().toAbsolutePath();
        Files.createDirectories(log.getParent());
        long launchedAt = System.nanoTime();
        process = new ProcessBuilder(command(launch, port)).redirectErrorStream(true)
                .redirectOutput(launch.log() == null ? ProcessBuilder.Redirect.to(log.toFile())
                        : ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        readyAfter = awaitReady(launchedAt, log);
    }

    private static List<String> command(Launch launch, int port) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmArguments());
        if (launch.heap() != null) {
            command.add("-Xmx" + launch.heap()); // after the service's options: the last -Xmx wins
        }
        command.add("-Daxoniq.update-checker.disabled=true");
        String jar = System.getProperty("bench.jar", "");
        if (!jar.isBlank()) {
            if (!Files.isRegularFile(Path.of(jar))) {
                throw new IllegalStateException("bench.jar " + jar + " does not exist; build it with 'package' first");
            }
            command.addAll(jarArguments(jar));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS));
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (String property : List.of("--server.port=" + port,
                "--directory.embedded-store.path=" + launch.data().toAbsolutePath(),
                "--directory.security.jwt-secret=" + Tokens.SECRET, "--directory.security.primary-admin=" + ADMIN,
                "--logging.level.root=WARN")) {
            properties.put(property.substring(0, property.indexOf('=')), property);
        }
        // a property given twice would reach the service as both values, joined by a comma: replace instead
        for (String property : launch.properties()) {
            properties.put(property.contains("=") ? property.substring(0, property.indexOf('=')) : property, property);
        }
        command.addAll(properties.values());
        return command;
    }

    private static List<String> serviceJvmOptions() {
        Path file = Files.isRegularFile(Path.of("jvm.options")) ? Path.of("jvm.options") : Path.of("app", "jvm.options");
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The service's JVM options are read from " + file.toAbsolutePath(), e);
        }
    }

    /**
     * {@code -jar jar}, after {@code -XX:SharedArchiveFile=} when the build's class-data-sharing archive lies next to
     * the jar (the extracted jar in {@code target/app}), as the README's start command runs it.
     */
    public static List<String> jarArguments(String jar) {
        Path archive = Path.of(jar).resolveSibling("member-directory.jsa");
        return Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive, "-jar", jar) : List.of("-jar", jar);
    }

    /**
     * JVM arguments of the service besides its heap: {@link #SERVICE_JVM_OPTIONS}, then any given with
     * {@code -Dbench.serverJvmArgs=…} (e.g. {@code -XX:StartFlightRecording=filename=x.jfr}, or
     * {@code -XX:-UseParallelGC} or {@code -XX:+TieredCompilation} to compare with the JVM's defaults; the last
     * option given wins).
     */
    public static List<String> jvmArguments() {
        List<String> arguments = new ArrayList<>(SERVICE_JVM_OPTIONS);
        String extra = System.getProperty("bench.serverJvmArgs", "").trim();
        if (!extra.isEmpty()) {
            arguments.addAll(List.of(extra.split("\\s+")));
        }
        return arguments;
    }

    /**
     * Polls until readiness says UP (the read models caught up), the admin's API call answers and the overall health
     * is UP; answers the time from the launch until the first two held (what the start-up benchmark reports).
     */
    private Duration awaitReady(long launchedAt, Path log) {
        long deadline = launchedAt + launch.readyWithin().toNanos();
        Api anonymous = admin.as(null);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (anonymous.get("/actuator/health/readiness").status() == 200
                        && admin.get("/api/departments").status() == 200) {
                    long readyAt = System.nanoTime() - launchedAt;
                    if (anonymous.get("/actuator/health").status() == 200) {
                        return Duration.ofNanos(readyAt);
                    }
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The service did not get ready within " + launch.readyWithin() + "; see " + log);
    }

    /** The primary admin's client of this process. */
    public Api api() {
        return admin;
    }

    /** From launching the process until readiness said UP and an API call answered. */
    public Duration readyAfter() {
        return readyAfter;
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time the process has used so far, in seconds (all its threads, JIT and GC included). */
    public double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** Its CPU time so far split into JIT, GC and work, or null where there is no {@code /proc}. */
    public ProcessCpu cpu() {
        return ProcessCpu.of(pid());
    }

    /** Heap in use now (MB), from the service's own metrics. */
    public double heapUsedMb() {
        Api.Response used = admin.get("/actuator/metrics/jvm.memory.used?tag=area:heap");
        return used.body() == null ? 0 : used.body().at("/measurements/0/value").asDouble() / (1024 * 1024);
    }

    /**
     * The resident set and its parts, as the kernel counts them: anonymous memory (heap, the JVM's own, thread
     * stacks) and pages of mapped files (the class-data archive, memory-mapped store and index files) — the kernel
     * can drop the latter under pressure and read them again, the former it cannot.
     */
    public String resident() throws IOException {
        return String.format("%,d MB (anonymous %,d MB, mapped files %,d MB)", statusBytes("VmRSS:") / 1_000_000,
                statusBytes("RssAnon:") / 1_000_000, (statusBytes("RssFile:") + statusBytes("RssShmem:")) / 1_000_000);
    }

    private long statusBytes(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no " + key + " for process " + process.pid());
    }

    /** Bytes of the files under {@code folder}. */
    public static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Ends the process at once, like {@code kill -9}: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** Stops the service cleanly (SIGTERM), which checkpoints and closes the stores; fails if that takes 120 s. */
    public void stop() throws InterruptedException {
        if (!terminate()) {
            throw new IllegalStateException("The service did not stop within 120 s");
        }
    }

    /** Stops the service cleanly if it still runs (SIGTERM); ends it at once if it has not stopped in 120 s. */
    @Override
    public void close() throws InterruptedException {
        terminate();
    }

    private boolean terminate() throws InterruptedException {
        process.destroy();
        if (process.waitFor(120, TimeUnit.SECONDS)) {
            return true;
        }
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return false;
    }
}
