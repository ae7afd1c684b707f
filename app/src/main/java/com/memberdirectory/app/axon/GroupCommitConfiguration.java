package com.memberdirectory.app.axon;

import com.memberdirectory.app.storage.embedded.EmbeddedStoreCondition;
import com.memberdirectory.eventstore.GroupCommitCommandBus;
import com.memberdirectory.eventstore.SavepointTransactionManager;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;

/**
 * On the embedded default, commands go through a {@link GroupCommitCommandBus}: many commands per HSQLDB commit,
 * each in a savepoint. (MongoDB mode keeps Axon's bus with one transaction per command: MongoDB transactions
 * have no savepoints, and a replica set's commit is not a local disk sync anyway.)
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedStoreCondition.class)
public class GroupCommitConfiguration {

    /** The most commands one batch (one commit) takes. */
    static final int MAX_BATCH = 128;

    @Bean(destroyMethod = "close")
    @Primary
    GroupCommitCommandBus commandBus(DataSource dataSource, org.axonframework.config.Configuration axon,
                                     DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
                                     @Qualifier("memberCache") Cache memberCache) {
        // Tries to roll back a batch whose commit failed, rather than leave it to the connection's next user.
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        transactions.setRollbackOnCommitFailure(true);
        SimpleCommandBus handling = SimpleCommandBus.builder()
                .transactionManager(new SavepointTransactionManager(transactions))
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        handling.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return new GroupCommitCommandBus(handling, transactions, memberCache::removeAll, MAX_BATCH);
    }
}
