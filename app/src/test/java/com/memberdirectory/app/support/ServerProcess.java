package com.memberdirectory.app.support;


import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The service started as its own process on its own data folder, as in production: from the packaged jar
 * when {@code bench.jar} names it, else from the test classpath. {@link #kill()} ends it like {@code kill -9}.
 */
public final class ServerProcess implements AutoCloseable {

    public final Path data;
    public final int port;
    private final Process process;

    public ServerProcess(Path data, String heap) throws IOException {
        this(data, heap, List.of());
    }

    /** @param properties more of the service's properties, e.g. {@code --directory.reads.as-of-max-members=3} */
    public ServerProcess(Path data, String heap, List<String> properties) throws IOException {
        this(data, heap, properties, Duration.ofMinutes(3));
    }

    /** @param healthyWithin how long the service may take until it is healthy (its read models caught up) */
    public ServerProcess(Path data, String heap, List<String> properties, Duration healthyWithin) throws IOException {
        this.data = data;
        this.port = freePort();
        String jar = System.getProperty("bench.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmArguments());
        if (heap != null) {
            command.add("-Xmx" + heap); // after the service's options: the last -Xmx wins
        }
        if (jar != null && Files.isRegularFile(Path.of(jar))) {
            command.addAll(jarArguments(jar));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                    "com.memberdirectory.app.MemberDirectoryApplication"));
        }
        command.addAll(List.of("--server.port=" + port, "--directory.embedded-store.path=" + data,
                "--directory.security.jwt-secret=" + Tokens.SECRET, "--directory.security.primary-admin=admin",
                "--logging.level.root=WARN"));
        command.addAll(properties);
        Files.createDirectories(data);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile()).start();
        awaitHealthy(healthyWithin);
    }

    /** The service's JVM options: the lines of {@code app/jvm.options} that are not comments. */
    public static final List<String> SERVICE_JVM_OPTIONS = serviceJvmOptions();

    private static List<String> serviceJvmOptions() {
        Path file = Files.isRegularFile(Path.of("jvm.options")) ? Path.of("jvm.options") : Path.of("app", "jvm.options");
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("The service's JVM options are read from " + file.toAbsolutePath(), e);
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
     * JVM arguments of the server besides its heap: {@link #SERVICE_JVM_OPTIONS}, then any given with
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

    public Api api() {
        return new Api(port, Tokens.valid("admin"));
    }

    private void awaitHealthy(Duration healthyWithin) {
        Instant deadline = Instant.now().plus(healthyWithin);
        Api anonymous = new Api(port, null);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (anonymous.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // starting
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited; see " + data + ".log");
            }
            sleep(200);
        }
        process.destroy();
        throw new IllegalStateException("The service did not become healthy");
    }

    /** CPU time the server process has used so far, in seconds (all its threads, JIT and GC included). */
    public double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** Heap in use now (MB), from the service's own metrics. */
    public double heapUsedMb() {
        Api.Response used = api().get("/actuator/metrics/jvm.memory.used?tag=area:heap");
        return used.body() == null ? 0 : used.body().at("/measurements/0/value").asDouble() / (1024 * 1024);
    }

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

    /** Ends the process at once, like {@code kill -9}: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Stops the service cleanly (SIGTERM), so the store is checkpointed. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
