package com.memberdirectory.app.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.MemberDirectoryApplication;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.memberdirectory.app.notification.NotificationCalls.department;
import static com.memberdirectory.app.notification.NotificationCalls.member;
import static com.memberdirectory.app.notification.NotificationCalls.notifications;
import static com.memberdirectory.app.notification.NotificationCalls.notifyOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pending deliveries survive a restart: one created while no bot was configured, then a retry scheduled after a
 * failed attempt, are both carried out by the next process on the same store. Subclasses name the store.
 */
abstract class NotificationRestartScenario {

    private static final String JWT_SECRET = NotificationDeliveryTest.JWT_SECRET;
    private static final String BOT_SECRET = "bot-secret-for-the-restart-test";

    private final TestBot bot = new TestBot(BOT_SECRET);
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    @AfterEach
    void stop() {
        contexts.forEach(ConfigurableApplicationContext::close);
        bot.close();
    }

    @Test
    void a_pending_notification_and_a_pending_retry_are_delivered_after_a_restart() {
        // 1. No bot configured: the notification is created and stays PENDING.
        ConfigurableApplicationContext first = start(false);
        Api admin = api(first);
        notifyOn(admin, true, false);
        String department = department(admin, "Restarted");
        String memberId = member(admin, "Di Xu", "di@example.com", "+8613500135000", department).path("id").asText();
        admin.patch("/api/members/" + memberId, Map.of("phone", "+8613500135001")).expect(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> notifications(admin, memberId).size() == 1);
        assertThat(notifications(admin, memberId).get(0).path("status").asText()).isEqualTo("PENDING");
        first.close();
        assertThat(bot.received()).isEmpty();

        // 2. A bot that is down: the first attempt fails and a retry is scheduled, then the process stops.
        bot.failNext(Integer.MAX_VALUE);
        ConfigurableApplicationContext second = start(true);
        Api again = api(second);
        await().atMost(Duration.ofSeconds(60)).until(() -> attempts(again, memberId) >= 1);
        second.close();
        int attemptsBeforeRestart = bot.received().size();
        assertThat(attemptsBeforeRestart).isPositive();

        // 3. The bot is back: the retry scheduled by the previous process delivers it.
        bot.failNext(0);
        ConfigurableApplicationContext third = start(true);
        Api last = api(third);
        await().atMost(Duration.ofSeconds(60)).until(() -> "DELIVERED".equals(status(last, memberId)));
        JsonNode delivered = notifications(last, memberId).get(0);
        assertThat(delivered.path("attempts").asInt()).isEqualTo(attemptsBeforeRestart + 1);
        assertThat(bot.received()).allSatisfy(request -> {
            assertThat(request.signatureValid()).isTrue();
            assertThat(request.notificationId()).isEqualTo(delivered.path("notificationId").asText());
        });
        assertThat(bot.received()).last().extracting(TestBot.Received::answered).isEqualTo(200);
    }

    /** The properties that point every process of the test at the same store. */
    abstract List<String> storeProperties();

    private ConfigurableApplicationContext start(boolean withBot) {
        List<String> properties = new ArrayList<>(storeProperties());
        properties.addAll(List.of(
                "server.port=0",
                "directory.security.jwt-secret=" + JWT_SECRET,
                "directory.security.primary-admin=admin",
                "directory.notifications.bot-secret=" + BOT_SECRET,
                // long enough that the retry is still pending when the second process stops
                "directory.notifications.retry-initial-delay=PT3S"));
        if (withBot) {
            properties.add("directory.notifications.bot-url=" + bot.url());
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MemberDirectoryApplication.class)
                .properties(properties.toArray(String[]::new))
                .run();
        contexts.add(context);
        return context;
    }

    private static Api api(ConfigurableApplicationContext context) {
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        return new Api(port, Tokens.valid("admin", JWT_SECRET));
    }

    private static int attempts(Api api, String memberId) {
        List<JsonNode> log = notifications(api, memberId);
        return log.isEmpty() ? 0 : log.get(0).path("attempts").asInt();
    }

    private static String status(Api api, String memberId) {
        List<JsonNode> log = notifications(api, memberId);
        return log.isEmpty() ? null : log.get(0).path("status").asText();
    }
}
