package com.memberdirectory.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP integration tests on the embedded default. Every subclass shares one Spring context
 * (same configuration), started on a fresh data folder under {@code target/}.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "directory.security.jwt-secret=" + Tokens.SECRET,
        "directory.security.primary-admin=admin",
        "directory.security.operators=ops-robot",
        "directory.business-mail-domains=corp.example",
        "logging.level.d.b.mongo=WARN"
})
public abstract class ApiTest {

    private static final Path DATA = Path.of("target", "it-data", UUID.randomUUID().toString());

    @LocalServerPort
    protected int port;
    protected Api admin;

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(DATA);
        registry.add("directory.embedded-store.path", DATA::toString);
    }

    @BeforeEach
    void clients() {
        admin = new Api(port, Tokens.valid("admin"));
        // Like a load balancer: the first test of a new context waits until the read models have caught up.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> anonymous().get("/actuator/health/readiness").status() == 200);
    }

    protected Api as(String subject) {
        return new Api(port, Tokens.valid(subject));
    }

    protected Api anonymous() {
        return new Api(port, null);
    }

    /** A new department (top level unless a parent is given); answers its id. */
    protected String department(String name, String parentId) {
        Api.Response created = admin.post("/api/departments", parentId == null ? Map.of("name", name)
                : Map.of("name", name, "parentId", parentId));
        assertThat(created.status()).as(created.body() == null ? "" : created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    private static final java.util.concurrent.atomic.AtomicInteger PHONES = new java.util.concurrent.atomic.AtomicInteger();

    /** A mobile number no other test uses (numbers +86 134 … are used only here). */
    protected static String uniquePhone() {
        return "+86134" + String.format("%08d", PHONES.incrementAndGet());
    }

    /** A new admin with the MEMBER_AND_DEPARTMENT permission limited to {@code departmentId}; answers their client. */
    protected Api adminOf(String departmentId) {
        String subject = unique("scoped-");
        Api.Response granted = admin.put("/api/admins/" + subject, Map.of("permissions", List.of("MEMBER_AND_DEPARTMENT"),
                "departmentIds", List.of(departmentId)));
        assertThat(granted.status()).as(String.valueOf(granted.body())).isEqualTo(200);
        return as(subject);
    }

    /** A new admin of the whole organization (MEMBER_AND_DEPARTMENT), with no imports yet; answers their client. */
    protected Api freshAdmin() {
        String subject = unique("uploader-");
        Api.Response granted = admin.put("/api/admins/" + subject, Map.of("permissions", List.of("MEMBER_AND_DEPARTMENT")));
        assertThat(granted.status()).as(String.valueOf(granted.body())).isEqualTo(200);
        return as(subject);
    }

    protected static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new member in the department with a unique work email; answers the Member JSON. */
    protected JsonNode member(String departmentId, Map<String, Object> more) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", unique("Member "),
                "workEmail", unique("m") + "@example.com", "departmentIds", List.of(departmentId)));
        body.putAll(more);
        Api.Response created = admin.post("/api/members", body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body();
    }
}
