package com.memberdirectory.app.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.memberdirectory.app.notification.NotificationCalls.department;
import static com.memberdirectory.app.notification.NotificationCalls.member;
import static com.memberdirectory.app.notification.NotificationCalls.notifications;
import static com.memberdirectory.app.notification.NotificationCalls.notifyOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationDeliveryTest {

    static final String JWT_SECRET = "integration-test-secret-of-at-least-32-bytes";
    static final String BOT_SECRET = "bot-secret-for-the-integration-test";
    private static final TestBot BOT = new TestBot(BOT_SECRET);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("directory.security.jwt-secret", () -> JWT_SECRET);
        registry.add("directory.security.primary-admin", () -> "admin");
        registry.add("directory.embedded-store.path", () -> "target/it-notifications-" + UUID.randomUUID());
        registry.add("directory.notifications.bot-url", BOT::url);
        registry.add("directory.notifications.bot-secret", () -> BOT_SECRET);
        registry.add("directory.notifications.retry-initial-delay", () -> "PT0.2S");
    }

    @AfterAll
    static void stopBot() {
        BOT.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    private Api admin;
    private String department;

    @BeforeEach
    void setUp() {
        admin = new Api(port, Tokens.valid("admin", JWT_SECRET));
        department = department(admin, "Notified " + UUID.randomUUID());
    }

    @Test
    void a_selected_change_is_delivered_after_two_failed_attempts_and_an_unselected_one_notifies_nobody() {
        JsonNode settings = admin.put("/api/settings/contact-change-notifications", Map.of("phoneNumber", true, "workEmail", false))
                .expect(200);
        assertThat(settings.path("phoneNumber").asBoolean()).isTrue();
        assertThat(admin.get("/api/settings/contact-change-notifications").expect(200))
                .isEqualTo(settings);
        JsonNode member = member(admin, "Ann Lee", "ann@example.com", "+8613800138000", department);
        String memberId = member.path("id").asText();
        BOT.failNext(2);

        admin.patch("/api/members/" + memberId, Map.of("workEmail", "ann.lee@example.com")).expect(200);
        admin.patch("/api/members/" + memberId, Map.of("phone", "+8613900139000")).expect(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> notifications(admin, memberId).stream()
                .anyMatch(n -> n.path("status").asText().equals("DELIVERED")));
        List<JsonNode> log = notifications(admin, memberId);
        assertThat(log).singleElement().satisfies(n -> {
            assertThat(n.path("kind").asText()).isEqualTo("PHONE_NUMBER_CHANGED");
            assertThat(n.path("attempts").asInt()).isEqualTo(3);
            assertThat(n.path("lastError").asText()).contains("503");
            assertThat(n.path("createdAt").asText()).isNotBlank();
        });
        String notificationId = log.get(0).path("notificationId").asText();
        List<TestBot.Received> received = BOT.receivedFor(memberId);
        assertThat(received).hasSize(3).allSatisfy(request -> {
            assertThat(request.signatureValid()).as("signature of %s", request.body()).isTrue();
            assertThat(request.notificationId()).isEqualTo(notificationId);
            assertThat(request.json().path("userId").asText()).isEqualTo(member.path("userId").asText());
            assertThat(request.json().path("kind").asText()).isEqualTo("PHONE_NUMBER_CHANGED");
            assertThat(request.json().path("occurredAt").asText()).isNotBlank();
            assertThat(request.json().path("text").asText())
                    .contains("phone number", "admin", "+86 138****8000", "+86 139****9000")
                    .doesNotContain("13800138000", "13900139000");
        });
        assertThat(received).extracting(TestBot.Received::answered).containsExactly(503, 503, 200);
    }

    @Test
    void a_change_made_while_its_field_is_switched_off_notifies_nobody() {
        notifyOn(admin, false, true);
        String memberId = member(admin, "Bo Chen", "bo@example.com", "+8613700137000", department).path("id").asText();

        admin.patch("/api/members/" + memberId, Map.of("phone", "+8613700137001")).expect(200);
        admin.patch("/api/members/" + memberId, Map.of("workEmail", "bo.chen@example.com")).expect(200);

        // The saga handles events in order: once the later email change has its notification, the phone change
        // before it has been decided too.
        await().atMost(Duration.ofSeconds(60)).until(() -> notifications(admin, memberId).stream()
                .anyMatch(n -> n.path("status").asText().equals("DELIVERED")));
        assertThat(notifications(admin, memberId)).extracting(n -> n.path("kind").asText())
                .containsExactly("WORK_EMAIL_CHANGED");
        assertThat(BOT.receivedFor(memberId)).extracting(r -> r.json().path("kind").asText())
                .containsOnly("WORK_EMAIL_CHANGED");
    }

    @Test
    void a_generated_login_password_reaches_the_bot_and_nothing_else() {
        notifyOn(admin, false, false);
        String memberId = member(admin, "Cy Wu", "cy@example.com", "+8613600136000", department).path("id").asText();

        String password = admin.put("/api/members/" + memberId + "/login",
                Map.of("loginEmailType", "WORK_EMAIL", "generatePassword", true)).expect(200).path("generatedPassword").asText();

        assertThat(password).isNotBlank();
        await().atMost(Duration.ofSeconds(60)).until(() -> notifications(admin, memberId).stream()
                .anyMatch(n -> n.path("status").asText().equals("DELIVERED")));
        assertThat(notifications(admin, memberId)).extracting(n -> n.path("kind").asText())
                .containsExactly("LOGIN_PASSWORD_SET");
        assertThat(BOT.receivedFor(memberId)).singleElement().satisfies(request -> {
            assertThat(request.signatureValid()).isTrue();
            assertThat(request.json().path("text").asText()).contains(password);
        });
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> stored = jdbc.query("SELECT payload, metaData FROM DomainEventEntry", (row, n) ->
                new String(row.getBytes(1), StandardCharsets.UTF_8) + new String(row.getBytes(2), StandardCharsets.UTF_8));
        stored.addAll(jdbc.query("SELECT serializedSaga FROM SagaEntry", (row, n) -> new String(row.getBytes(1), StandardCharsets.UTF_8)));
        assertThat(stored).isNotEmpty().noneMatch(text -> text.contains(password));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_password_outbox", Integer.class)).isZero();
    }

    @Test
    void only_administrators_see_and_change_the_settings_and_the_log() {
        Api member = new Api(port, Tokens.valid("someone", JWT_SECRET));
        assertThat(member.get("/api/settings/contact-change-notifications").status()).isEqualTo(403);
        assertThat(member.put("/api/settings/contact-change-notifications",
                Map.of("phoneNumber", true, "workEmail", true)).status()).isEqualTo(403);
        assertThat(member.get("/api/notifications?memberId=x").status()).isEqualTo(403);
    }
}
