package com.memberdirectory.app.bench;

import com.memberdirectory.app.support.ServerProcess;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service as a separate operating-system process on a data folder, so that the benchmark's own JVM (its heap,
 * its GC, its threads) does not share one with the server, and so that it can be killed with SIGKILL.
 * <p>
 * With the system property {@code bench.jar} the runnable jar is started ({@code java -jar}); without it (plain
 * {@code mvn test}, where the jar is not built yet) the same main class is started on this JVM's class path.
 */
final class DirectoryProcess implements AutoCloseable {

    static final String SECRET = "benchmark-secret-0123456789abcdef-0123456789";
    static final String ADMIN = "admin";

    private final Path folder;
    private final int port;
    private final Process process;
    private final DirectoryClient client;
    private final long launchedAt = System.nanoTime();
    private long readyAfterNanos;

    private DirectoryProcess(Path folder, int port, Process process) {
        this.folder = folder;
        this.port = port;
        this.process = process;
        this.client = new DirectoryClient("http://127.0.0.1:" + port, SECRET, ADMIN);
    }

    /**
     * Starts the service on {@code folder} and waits until it is ready and answers an authenticated API call.
     *
     * @param maxHeap {@code -Xmx}; null: the one of the README's start command ({@code app/jvm.options})
     */
    static DirectoryProcess start(Path folder, Path logFile, String maxHeap) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ServerProcess.jvmArguments());
        if (maxHeap != null) {
            command.add("-Xmx" + maxHeap); // after the service's options: the last -Xmx wins
        }
        command.add("-Daxoniq.update-checker.disabled=true");
        String jar = System.getProperty("bench.jar");
        if (jar != null && !jar.isBlank()) {
            if (!Files.isRegularFile(Path.of(jar))) {
                throw new IllegalStateException("bench.jar " + jar + " does not exist; build it with 'package' first");
            }
            command.addAll(ServerProcess.jarArguments(jar));
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("com.memberdirectory.app.MemberDirectoryApplication");
        }
        command.add("--directory.security.jwt-secret=" + SECRET);
        command.add("--directory.security.primary-admin=" + ADMIN);
        command.add("--directory.embedded-store.path=" + folder.toAbsolutePath());
        command.add("--server.port=" + port);
        command.add("--logging.level.de.bwaldvogel=WARN");
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        DirectoryProcess started = new DirectoryProcess(folder, port, process);
        started.awaitReady(Duration.ofSeconds(180), logFile);
        return started;
    }

    private void awaitReady(Duration timeout, Path logFile) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (client.get("/actuator/health/readiness").status() == 200
                        && client.get("/api/departments").status() == 200) {
                    readyAfterNanos = System.nanoTime() - launchedAt;
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The service did not get ready within " + timeout + "; see " + logFile);
    }

    /** From launching the process until readiness said UP and an API call answered. */
    Duration readyAfter() {
        return Duration.ofNanos(readyAfterNanos);
    }

    /**
     * The resident set and its parts, as the kernel counts them: anonymous memory (heap, the JVM's own, thread
     * stacks) and pages of mapped files (the class-data archive, memory-mapped store and index files) — the kernel
     * can drop the latter under pressure and read them again, the former it cannot.
     */
    String resident() throws IOException {
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

    DirectoryClient client() {
        return client;
    }

    Path folder() {
        return folder;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hooks, no flushing, nothing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGTERM: graceful shutdown, which checkpoints and closes the databases. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException("The service did not stop within 120 s");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        client.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
