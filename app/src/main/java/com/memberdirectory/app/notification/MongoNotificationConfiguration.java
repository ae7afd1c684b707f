package com.memberdirectory.app.notification;

import com.memberdirectory.app.config.DirectoryProperties;
import com.memberdirectory.app.storage.MongoPasswordOutbox;
import com.memberdirectory.app.storage.MongoStoreCondition;
import com.memberdirectory.notification.password.PasswordOutbox;
import com.memberdirectory.notification.password.PasswordSeal;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Notifications in MongoDB mode: sealed passwords in MongoDB. Delivery deadlines are still kept in memory here
 * (there is no JDBC data source for db-scheduler in this mode), so a pending retry does not survive a restart
 * in this mode yet; a persistent one needs a MongoDB-backed scheduler such as JobRunr's
 * {@code MongoDBStorageProvider} with Axon's {@code JobRunrDeadlineManager}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(MongoStoreCondition.class)
public class MongoNotificationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoNotificationConfiguration.class);

    @Bean
    PasswordOutbox passwordOutbox(MongoTemplate mongo, DirectoryProperties properties) {
        String secret = properties.notifications().botSecret();
        if (secret == null || secret.isBlank()) {
            return PasswordOutbox.NONE;
        }
        return new MongoPasswordOutbox(mongo, new PasswordSeal(secret));
    }

    @Bean
    DeadlineManager deadlineManager(org.axonframework.config.Configuration axon, TransactionManager transactionManager) {
        log.warn("MongoDB mode keeps notification delivery deadlines in memory: pending retries do not survive a restart");
        return SimpleDeadlineManager.builder()
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .transactionManager(transactionManager)
                .build();
    }
}
