package com.memberdirectory.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A small HTTP client for the tests: JSON in, status + headers + JSON out, as one caller (one token). */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** An answer: status, headers and the body parsed as JSON (null when empty or not JSON). */
    public record Response(int status, java.net.http.HttpHeaders headers, JsonNode body, byte[] raw) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String code() {
            return body == null || body.get("code") == null ? null : body.get("code").asText();
        }

        public String text(String field) {
            JsonNode node = body.at(field.startsWith("/") ? field : "/" + field);
            return node.isMissingNode() || node.isNull() ? null : node.asText();
        }
    }

    private final String base;
    private final String token;

    public Api(int port, String token) {
        this.base = "http://localhost:" + port;
        this.token = token;
    }

    public Api as(String token) {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), token);
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, Object body, String... headers) {
        return send(request(path, with(headers, "Content-Type", "application/json"))
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body))));
    }

    public Response put(String path, Object body, String... headers) {
        return send(request(path, with(headers, "Content-Type", "application/json"))
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body))));
    }

    public Response putBytes(String path, byte[] body, String contentType, String... headers) {
        return send(request(path, with(headers, "Content-Type", contentType)).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response patch(String path, Object body, String... headers) {
        return send(request(path, with(headers, "Content-Type", "application/merge-patch+json"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body))));
    }

    /** Any method with the body and headers exactly as given (raw JSON, odd header values...). */
    public Response send(String method, String path, byte[] body, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A multipart upload of one file part named {@code file}. */
    public Response upload(String path, String fileName, byte[] content) {
        String boundary = "----test" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(request(path, "Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static String[] with(String[] headers, String name, String value) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return headers;
            }
        }
        List<String> all = new ArrayList<>(List.of(headers));
        all.add(name);
        all.add(value);
        return all.toArray(String[]::new);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.body().length > 0 && type.contains("json")) {
                body = JSON.readTree(response.body());
            }
            return new Response(response.statusCode(), response.headers(), body, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
