package com.memberdirectory.app.http;

import com.memberdirectory.app.support.RawUpload;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.ServerProcess;
import com.memberdirectory.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients that announce a body and then send a few bytes now and then cannot take the service offline: on a service
 * with 10 request threads, 16 such clients get 4 places to read a body (503 {@code busy} for the others, before their
 * body is read), those 4 are cut off once they fall below the minimum rate after the grace period (408), and health
 * and ordinary reads answer meanwhile. (Without these bounds the 16 would hold all 10 threads for as long as they
 * trickle.)
 */
class SlowClientsProcessTest {

    private static final int SLOW_CLIENTS = 16;

    @Test
    void trickling_uploads_leave_the_service_answering_and_are_cut_off() throws Exception {
        Path data = Path.of("target", "slow-clients", UUID.randomUUID().toString(), "data");
        ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
        List<RawUpload> slow = new ArrayList<>();
        try (ServerProcess server = new ServerProcess(data, "512m", List.of("--server.tomcat.threads.max=10",
                "--directory.requests.max-body-readers=4", "--directory.requests.body-grace=PT2S",
                "--directory.requests.minimum-body-rate=1KB"))) {
            Api api = server.api();
            String token = Tokens.valid("admin");
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                slow.add(RawUpload.json(server.port, token, "POST", "/api/members", 100_000));
            }
            // 20 bytes a second each, far below 1 KB/s.
            trickler.scheduleWithFixedDelay(() -> slow.forEach(upload -> upload.trickle(10)), 0, 500, TimeUnit.MILLISECONDS);

            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/actuator/health").status() == 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/members?size=1").status() == 200);

            List<String> answers = new ArrayList<>();
            for (RawUpload upload : slow) {
                answers.add(upload.answer(Duration.ofSeconds(60)));
            }
            assertThat(answers).as("every slow upload is answered or closed").doesNotContainNull();
            assertThat(answers.stream().filter(a -> a.startsWith("HTTP/1.1 503")).count())
                    .as("no place to read a body: %s", answers).isEqualTo(SLOW_CLIENTS - 4);
            assertThat(answers.stream().filter(a -> a.startsWith("HTTP/1.1 408") || a.equals("closed")).count())
                    .as("cut off: %s", answers).isEqualTo(4);

            // The places are free again for an ordinary write.
            String department = api.post("/api/departments", Map.of("name", "After the slow clients")).text("id");
            Api.Response created = api.post("/api/members", Map.of("name", "Prompt", "workEmail", "prompt@example.com",
                    "departmentIds", List.of(department)));
            assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        } finally {
            trickler.shutdownNow();
            slow.forEach(RawUpload::close);
        }
    }
}
