package com.memberdirectory.notification.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POSTs messages to the bot as JSON, signed with HMAC-SHA256. A short timeout keeps a hanging bot from holding
 * the delivery threads; it counts as a failed attempt like any non-2xx answer. The body is never logged: a
 * password notification carries the password.
 */
public class HttpBotGateway implements BotGateway {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final URI url;
    private final Signature signature;
    private final Duration timeout;
    private final HttpClient client;

    public HttpBotGateway(URI url, String secret, Duration timeout) {
        this.url = url;
        this.signature = new Signature(secret);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public DeliveryOutcome deliver(BotMessage message) {
        byte[] body = body(message);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(Signature.HEADER, signature.of(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? DeliveryOutcome.accepted()
                    : DeliveryOutcome.failed("The bot answered HTTP " + status);
        } catch (HttpTimeoutException e) {
            return DeliveryOutcome.failed("The bot did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return DeliveryOutcome.failed("The bot could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.failed("Interrupted while waiting for the bot");
        }
    }

    /** The body in the contract's field order. */
    static byte[] body(BotMessage message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("notificationId", message.notificationId());
        fields.put("memberId", message.memberId());
        fields.put("userId", message.userId());
        fields.put("kind", message.kind().name());
        fields.put("text", message.text());
        fields.put("occurredAt", message.occurredAt());
        try {
            return JSON.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a bot message", e);
        }
    }
}
