package com.memberdirectory.app.bench;

import com.memberdirectory.app.support.Api;
import com.memberdirectory.app.support.Tokens;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The packaged service started as its own process on its own data folder, as in production. */
final class ServerProcess implements AutoCloseable {

    final Path data;
    final int port;
    private final Process process;

    ServerProcess(Path data, String heap) throws IOException {
        this.data = data;
        this.port = freePort();
        String jar = System.getProperty("bench.jar", "app/target/member-directory.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-jar", jar, "--server.port=" + port, "--directory.embedded-store.path=" + data,
                "--directory.security.jwt-secret=" + Tokens.SECRET, "--directory.security.primary-admin=admin",
                "--logging.level.root=WARN"));
        Files.createDirectories(data);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile()).start();
        awaitHealthy();
    }

    Api api() {
        return new Api(port, Tokens.valid("admin"));
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
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
        throw new IllegalStateException("The service did not become healthy");
    }

    /** Heap in use now (MB), from the service's own metrics. */
    double heapUsedMb() {
        Api.Response used = api().get("/actuator/metrics/jvm.memory.used?tag=area:heap");
        return used.body() == null ? 0 : used.body().at("/measurements/0/value").asDouble() / (1024 * 1024);
    }

    static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    static void sleep(long millis) {
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

    /** Stops the service cleanly (SIGTERM), so the store is checkpointed. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
