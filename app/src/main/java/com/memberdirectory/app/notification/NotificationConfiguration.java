package com.memberdirectory.app.notification;

import com.memberdirectory.app.config.DirectoryProperties;
import com.memberdirectory.notification.bot.BotGateway;
import com.memberdirectory.notification.bot.DeliveryOutcome;
import com.memberdirectory.notification.bot.HttpBotGateway;
import com.memberdirectory.notification.delivery.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Notification wiring shared by both storage modes; the persistent deadline manager is mode-specific. */
@Configuration(proxyBeanMethods = false)
public class NotificationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

    @Bean
    RetryPolicy notificationRetryPolicy(DirectoryProperties properties) {
        DirectoryProperties.Notifications notifications = properties.notifications();
        return new RetryPolicy(notifications.retryInitialDelay(), notifications.maxAttempts());
    }

    /**
     * Without a bot URL no delivery is attempted at all (the deliveries' scheduler does not run), so this
     * gateway is only a placeholder for the saga's resource.
     */
    @Bean
    BotGateway botGateway(DirectoryProperties properties) {
        DirectoryProperties.Notifications notifications = properties.notifications();
        if (!notifications.botConfigured()) {
            log.info("directory.notifications.bot-url is not set: notifications stay PENDING until it is");
            return message -> DeliveryOutcome.failed("directory.notifications.bot-url is not set");
        }
        return new HttpBotGateway(notifications.botUrl(), notifications.botSecret(), notifications.botTimeout());
    }
}
