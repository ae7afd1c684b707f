package com.memberdirectory.app.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** Calls the running service over HTTP as a given subject. */
final class TestApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    TestApi(int port, String subject, String jwtSecret) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token(subject, jwtSecret);
    }

    JsonNode get(String path) {
        return send("GET", path, null, "application/json", 200);
    }

    JsonNode put(String path, Object body) {
        return send("PUT", path, body, "application/json", 200);
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body, "application/json", 201);
    }

    JsonNode patch(String path, Object body) {
        return send("PATCH", path, body, "application/merge-patch+json", 200);
    }

    String department(String name) {
        return post("/api/departments", Map.of("name", name)).path("id").asText();
    }

    JsonNode member(String name, String workEmail, String phone, String departmentId) {
        return post("/api/members", Map.of("name", name, "workEmail", workEmail, "phone", phone,
                "departmentIds", List.of(departmentId)));
    }

    void notifyOn(boolean phoneNumber, boolean workEmail) {
        put("/api/settings/contact-change-notifications", Map.of("phoneNumber", phoneNumber, "workEmail", workEmail));
    }

    List<JsonNode> notifications(String memberId) {
        JsonNode items = get("/api/notifications?memberId=" + memberId).path("items");
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    int status(String method, String path, Object body) {
        try {
            return client.send(request(method, path, body, "application/json"), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(String method, String path, Object body, String contentType, int expected) {
        try {
            HttpResponse<String> response = client.send(request(method, path, body, contentType),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String method, String path, Object body, String contentType) throws IOException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .method(method, publisher)
                .build();
    }

    static String token(String subject, String secret) {
        long now = Instant.now().getEpochSecond();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"" + subject + "\",\"iat\":" + now + ",\"auth_time\":" + now
                + ",\"exp\":" + (now + 3600) + "}").getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return header + "." + payload + "." + b64.encodeToString(mac.doFinal((header + "." + payload)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
