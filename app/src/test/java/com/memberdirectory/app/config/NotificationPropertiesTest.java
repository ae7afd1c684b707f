package com.memberdirectory.app.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationPropertiesTest {

    private final ApplicationContextRunner runner = DirectoryPropertiesRunner.create();

    @Test
    void without_a_bot_the_defaults_apply() {
        runner.run(context -> {
            DirectoryProperties.Notifications notifications = context.getBean(DirectoryProperties.class).notifications();
            assertThat(notifications.botConfigured()).isFalse();
            assertThat(notifications.retryInitialDelay()).isEqualTo(Duration.ofSeconds(10));
            assertThat(notifications.maxAttempts()).isEqualTo(8);
            assertThat(notifications.botTimeout()).isEqualTo(Duration.ofSeconds(5));
        });
    }

    @Test
    void a_bot_url_without_a_secret_is_refused_at_start() {
        runner.withPropertyValues("directory.notifications.bot-url=http://bot.example/hook")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().hasStackTraceContaining("directory.notifications.bot-secret"));
    }

    @Test
    void a_bot_with_its_secret_and_iso_durations_is_accepted() {
        runner.withPropertyValues("directory.notifications.bot-url=http://bot.example/hook",
                        "directory.notifications.bot-secret=s3cret",
                        "directory.notifications.retry-initial-delay=PT0.5S",
                        "directory.notifications.max-attempts=3")
                .run(context -> {
                    DirectoryProperties.Notifications notifications = context.getBean(DirectoryProperties.class).notifications();
                    assertThat(notifications.botUrl()).isEqualTo(URI.create("http://bot.example/hook"));
                    assertThat(notifications.retryInitialDelay()).isEqualTo(Duration.ofMillis(500));
                    assertThat(notifications.maxAttempts()).isEqualTo(3);
                });
    }

    @Test
    void zero_attempts_or_a_zero_delay_are_refused() {
        runner.withPropertyValues("directory.notifications.max-attempts=0")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("directory.notifications.retry-initial-delay=PT0S")
                .run(context -> assertThat(context).hasFailed());
    }
}
