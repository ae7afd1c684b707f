package com.memberdirectory.app.notification;

import com.memberdirectory.app.config.DirectoryProperties;
import com.memberdirectory.app.storage.mongo.MongoDeadlineManager;
import com.memberdirectory.app.storage.mongo.MongoPasswordOutbox;
import com.memberdirectory.app.storage.mongo.MongoStoreCondition;
import com.memberdirectory.app.storage.mongo.TransactionBoundMongoTemplate;
import com.memberdirectory.notification.password.PasswordOutbox;
import com.memberdirectory.notification.password.PasswordSeal;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;

/**
 * Notifications in MongoDB mode: sealed passwords and delivery deadlines in MongoDB ({@link MongoDeadlineManager}),
 * so a pending retry survives a restart or {@code kill -9} (a deadline picked by a process that died is picked
 * again once its lease has expired), and scheduling one commits with the saga's transaction.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(MongoStoreCondition.class)
public class MongoNotificationConfiguration {

    /** What a delivery does besides waiting for the bot: load the saga, store it and its events. */
    private static final Duration DELIVERY_OVERHEAD = Duration.ofSeconds(30);

    @Bean
    PasswordOutbox passwordOutbox(MongoTemplate mongo, DirectoryProperties properties) {
        String secret = properties.notifications().botSecret();
        if (secret == null || secret.isBlank()) {
            return PasswordOutbox.NONE;
        }
        return new MongoPasswordOutbox(mongo, new PasswordSeal(secret));
    }

    /**
     * A delivery's lease covers its wait for the bot twice over plus the rest of the run; a failing run (not a
     * failed delivery, which the saga itself retries) is tried again after {@code retry-initial-delay}, doubling.
     */
    @Bean
    MongoDeadlineManager deadlineManager(TransactionBoundMongoTemplate axonMongoTemplate,
                                         org.axonframework.config.Configuration axon, Serializer serializer,
                                         TransactionManager transactionManager, DirectoryProperties properties) {
        DirectoryProperties.Notifications notifications = properties.notifications();
        return new MongoDeadlineManager(axonMongoTemplate, new ConfigurationScopeAwareProvider(axon), serializer,
                transactionManager, new MongoDeadlineManager.Polling(
                        NotificationDeliveries.pollingInterval(notifications.retryInitialDelay()),
                        notifications.botTimeout().multipliedBy(2).plus(DELIVERY_OVERHEAD),
                        notifications.retryInitialDelay(), NotificationDeliveries.THREADS));
    }

    @Bean
    NotificationDeliveries notificationDeliveries(MongoDeadlineManager deadlineManager, DirectoryProperties properties) {
        return new NotificationDeliveries(deadlineManager::start, deadlineManager::stop,
                properties.notifications().botConfigured());
    }
}
