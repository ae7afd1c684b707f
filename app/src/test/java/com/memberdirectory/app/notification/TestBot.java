package com.memberdirectory.app.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A stand-in for the notification bot: records every request, checks its signature, fails when told to. */
final class TestBot implements AutoCloseable {

    /** One request as the bot saw it. */
    record Received(JsonNode json, String body, String signature, boolean signatureValid, int answered) {
        String notificationId() {
            return json.path("notificationId").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String secret;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    TestBot(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/bot", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-Directory-Signature");
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
            received.add(new Received(JSON.readTree(body), new String(body, StandardCharsets.UTF_8), signature,
                    ("sha256=" + hmac(body)).equals(signature), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/bot";
    }

    /** The next {@code count} requests are answered 503. */
    void failNext(int count) {
        failuresLeft.set(count);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedFor(String memberId) {
        return received.stream().filter(r -> r.json().path("memberId").asText().equals(memberId)).toList();
    }

    private String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
