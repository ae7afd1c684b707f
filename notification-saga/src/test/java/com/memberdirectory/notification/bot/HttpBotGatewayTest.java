package com.memberdirectory.notification.bot;

import com.memberdirectory.kernel.notification.NotificationKind;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class HttpBotGatewayTest {

    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicReference<String> signature = new AtomicReference<>();

    @BeforeEach
    void bot() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/bot", exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            signature.set(exchange.getRequestHeaders().getFirst(Signature.HEADER));
            if (status.get() == 0) {
                sleep();
            }
            exchange.sendResponseHeaders(Math.max(status.get(), 200), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void posts_the_message_as_json_signed_over_the_exact_body() {
        DeliveryOutcome outcome = gateway(Duration.ofSeconds(5)).deliver(message());

        assertThat(outcome.delivered()).isTrue();
        assertThat(body.get()).isEqualTo("{\"notificationId\":\"n-1\",\"memberId\":\"m-1\",\"userId\":\"ann\","
                + "\"kind\":\"PHONE_NUMBER_CHANGED\",\"text\":\"hello\",\"occurredAt\":\"2026-01-02T03:04:05Z\"}");
        assertThat(signature.get()).isEqualTo(new Signature("secret").of(body.get().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_non_2xx_answer_is_a_failed_attempt() {
        status.set(503);
        assertThat(gateway(Duration.ofSeconds(5)).deliver(message()))
                .isEqualTo(DeliveryOutcome.failed("The bot answered HTTP 503"));
    }

    @Test
    void a_bot_that_does_not_answer_in_time_is_a_failed_attempt() {
        status.set(0);
        DeliveryOutcome outcome = gateway(Duration.ofMillis(200)).deliver(message());
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).contains("did not answer within 200 ms");
    }

    @Test
    void an_unreachable_bot_is_a_failed_attempt() {
        server.stop(0);
        assertThat(gateway(Duration.ofSeconds(1)).deliver(message()).delivered()).isFalse();
    }

    private HttpBotGateway gateway(Duration timeout) {
        return new HttpBotGateway(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/bot"), "secret", timeout);
    }

    private static BotMessage message() {
        return new BotMessage("n-1", "m-1", "ann", NotificationKind.PHONE_NUMBER_CHANGED, "hello",
                Instant.parse("2026-01-02T03:04:05Z"));
    }

    private static void sleep() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
