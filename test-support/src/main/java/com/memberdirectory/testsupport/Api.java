package com.memberdirectory.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.impl.io.MonitoringResponseOutOfOrderStrategy;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one HTTP client the tests and benchmarks call the service with: JSON in; status, headers and JSON out; as one
 * caller (one token, or none).
 * <p>
 * All instances share Apache HttpClient's classic (blocking) client with a pool of keep-alive connections, so each
 * request is written and its answer read on the calling thread. The benchmarks chose it over the JDK's
 * {@code java.net.http.HttpClient}, whose asynchronous machinery hands every request to its selector thread and back:
 * the clients share the machine's cores with the service, and with the JDK's client the benchmark's JVM used
 * 0.245 ms of CPU per edit and 0.53 ms per create, with this one 0.12 and 0.33–0.36 ms (write benchmark,
 * N = 20,000, "CPU per HTTP" lines). Like the JDK's client it follows no redirect, keeps no cookie, asks for no
 * compression and repeats no request: a test sees exactly what the service answered.
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private static final CloseableHttpClient HTTP = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(256)
                    .setMaxConnPerRoute(256)
                    // a refused body (413 by its Content-Length) is answered while it is still being sent: look for
                    // the answer while sending. Only a help: the refusal closes the connection, and a reset can
                    // still beat the answer, so tests of a refusal by size send the headers alone (app's RawUpload)
                    .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                            .responseOutOfOrderStrategy(MonitoringResponseOutOfOrderStrategy.INSTANCE).build())
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(5))
                            .setSocketTimeout(Timeout.ofMinutes(10))
                            // a connection idle this long may have been closed by a stopped or restarted service
                            .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                            .build())
                    .build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableContentCompression()
            .disableAuthCaching()
            .build();

    private final String base;
    private final Supplier<String> authorization;

    /** As the caller of {@code token} ({@code null}: anonymous) on the service at {@code http://localhost:port}. */
    public Api(int port, String token) {
        this("http://localhost:" + port, bearer(token));
    }

    /**
     * A service at {@code base} with the same API shape (the Keycloak comparison), asked with the {@code Authorization}
     * header {@code authorization} gives for each request ({@code null}: none).
     */
    public Api(String base, Supplier<String> authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    private static Supplier<String> bearer(String token) {
        if (token == null) {
            return null;
        }
        String header = "Bearer " + token;
        return () -> header;
    }

    /** The same service, as the caller of {@code token}. */
    public Api as(String token) {
        return new Api(base, bearer(token));
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response post(String path, Object body, String... headers) {
        return send("POST", path, jsonBytes(body), with(headers, "application/json"));
    }

    public Response put(String path, Object body, String... headers) {
        return send("PUT", path, jsonBytes(body), with(headers, "application/json"));
    }

    public Response putBytes(String path, byte[] body, String contentType, String... headers) {
        return send("PUT", path, body, with(headers, contentType));
    }

    public Response patch(String path, Object body, String... headers) {
        return send("PATCH", path, jsonBytes(body), with(headers, "application/merge-patch+json"));
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
        return send("POST", path, body, "Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    /**
     * Any method with the body and headers exactly as given (raw JSON, odd header values...); {@code body} null:
     * none at all, not even an empty one. {@code headers}: name, value, name, value...
     */
    public Response send(String method, String path, byte[] body, String... headers) {
        ClassicHttpRequest request = new BasicClassicHttpRequest(method, URI.create(base + path));
        if (authorization != null) {
            request.setHeader("Authorization", authorization.get());
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body, null));
        }
        try {
            return HTTP.execute(request, response -> {
                byte[] raw = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
                Header type = response.getFirstHeader("Content-Type");
                JsonNode json = raw.length > 0 && type != null && type.getValue().contains("json") ? JSON.readTree(raw) : null;
                return new Response(response.getCode(), response.getHeaders(), json, raw);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }

    private static byte[] jsonBytes(Object body) {
        try {
            return body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code headers} with a Content-Type of {@code contentType} unless they name one. */
    private static String[] with(String[] headers, String contentType) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Content-Type")) {
                return headers;
            }
        }
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Content-Type";
        all[headers.length + 1] = contentType;
        return all;
    }

    /** An answer: status, headers and the body parsed as JSON (null when empty or not JSON), and as it came. */
    public static final class Response {

        private final int status;
        private final Header[] headers;
        private final JsonNode body;
        private final byte[] raw;

        Response(int status, Header[] headers, JsonNode body, byte[] raw) {
            this.status = status;
            this.headers = headers;
            this.body = body;
            this.raw = raw;
        }

        public int status() {
            return status;
        }

        public JsonNode body() {
            return body;
        }

        public byte[] raw() {
            return raw;
        }

        /** The first value of the header {@code name} (any case), or null. */
        public String header(String name) {
            for (Header header : headers) {
                if (header.getName().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return null;
        }

        /** The problem's {@code code}, or null. */
        public String code() {
            return body == null || body.get("code") == null ? null : body.get("code").asText();
        }

        public String text(String field) {
            JsonNode node = body.at(field.startsWith("/") ? field : "/" + field);
            return node.isMissingNode() || node.isNull() ? null : node.asText();
        }

        /** The version in the {@code ETag} header ({@code "3"} is 3), or -1 without one. */
        public long etagVersion() {
            String etag = header("ETag");
            return etag == null ? -1L : Long.parseLong(etag.replaceAll("[^0-9]", ""));
        }

        public String location() {
            return header("Location");
        }

        /** The body, after checking the status is {@code expected}; else an {@link AssertionError} naming both. */
        public JsonNode expect(int expected) {
            if (status != expected) {
                throw new AssertionError("answered " + status + " instead of " + expected + ": "
                        + new String(raw, StandardCharsets.UTF_8));
            }
            return body;
        }
    }
}
