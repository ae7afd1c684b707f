package com.memberdirectory.app.notification;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.memberdirectory.app.config.DirectoryProperties;
import com.memberdirectory.eventstore.EmbeddedDatabase;
import com.memberdirectory.app.storage.embedded.EmbeddedStoreCondition;
import com.memberdirectory.app.storage.embedded.JdbcPasswordOutbox;
import com.memberdirectory.notification.password.PasswordOutbox;
import com.memberdirectory.notification.password.PasswordSeal;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Notifications on the embedded default: delivery deadlines in db-scheduler's {@code scheduled_tasks} table and
 * sealed passwords in {@code directory_password_outbox}, both in the HSQLDB database next to the saga store, so a
 * pending retry survives a restart or {@code kill -9} (a deadline picked by a process that died is picked again
 * once its heartbeat is stale).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedStoreCondition.class)
public class EmbeddedNotificationConfiguration {

    @Bean
    PasswordOutbox passwordOutbox(EmbeddedDatabase database, DataSource dataSource, DirectoryProperties properties) {
        String secret = properties.notifications().botSecret();
        if (secret == null || secret.isBlank()) {
            return PasswordOutbox.NONE;
        }
        return new JdbcPasswordOutbox(new JdbcTemplate(dataSource), new PasswordSeal(secret));
    }

    @Bean
    Scheduler deliveryScheduler(EmbeddedDatabase database, DataSource dataSource, DirectoryProperties properties,
                                ObjectProvider<DeadlineManager> deadlineManager) {
        // Transaction-aware: a deadline the saga schedules is written on the saga's own connection, in its
        // transaction. On a second connection the saga's thread waited for that insert while holding its
        // transaction open, and commands reading events the saga had just appended waited for the saga: under an
        // import with notifications on, the service deadlocked (NotificationThroughputBenchmark).
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), DbSchedulerDeadlineManager.binaryTask(
                        () -> (DbSchedulerDeadlineManager) deadlineManager.getObject()))
                .tableName("scheduled_tasks")
                .alwaysPersistTimestampInUTC()
                .threads(NotificationDeliveries.THREADS)
                .pollingInterval(NotificationDeliveries.pollingInterval(properties.notifications().retryInitialDelay()))
                .heartbeatInterval(Duration.ofSeconds(10))
                .shutdownMaxWait(Duration.ofSeconds(10))
                .enableImmediateExecution()
                .build();
    }

    @Bean
    DeadlineManager deadlineManager(Scheduler deliveryScheduler, org.axonframework.config.Configuration axon,
                                    Serializer serializer, TransactionManager transactionManager) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(deliveryScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }

    @Bean
    NotificationDeliveries notificationDeliveries(Scheduler deliveryScheduler, DirectoryProperties properties) {
        return new NotificationDeliveries(deliveryScheduler::start, deliveryScheduler::stop,
                properties.notifications().botConfigured());
    }
}
