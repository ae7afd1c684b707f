package com.memberdirectory.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.memberdirectory.command.field.FieldDefinitionRules;
import com.memberdirectory.command.member.MemberPolicies;
import com.memberdirectory.app.config.DirectoryProperties;
import com.memberdirectory.eventstore.CommitAwareEventStore;
import com.memberdirectory.eventstore.TokenStoredLast;
import com.memberdirectory.kernel.metadata.MetadataKeys;
import com.memberdirectory.query.support.ProcessingGroups;
import com.mongodb.client.MongoClient;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static com.memberdirectory.kernel.support.DaemonThreads.daemonThreads;

/** Axon wiring shared by both storage modes. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Read-side processors: their tokens live in MongoDB next to their collections. */
    public static final List<String> PROJECTIONS = ProcessingGroups.ALL;

    /**
     * One Jackson serializer for events, messages, sagas and tokens, independent of the web layer's
     * {@link ObjectMapper} (which refuses unknown properties, while stored events must stay readable after
     * their classes gain or lose fields).
     */
    @Bean
    @Primary
    Serializer serializer() {
        ObjectMapper mapper = JsonMapper.builder()
                .findAndAddModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /** Every event inherits who caused it, through what, and the correlation id of the request or import. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new SimpleCorrelationDataProvider(MetadataKeys.ALL.toArray(String[]::new));
    }

    /** Axon's embedded event store, woken only once a batch's events are committed (see the class). */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return new CommitAwareEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    @Bean
    FieldDefinitionRules fieldDefinitionRules() {
        return new FieldDefinitionRules();
    }

    @Bean
    Cache memberCache() {
        return new WeakReferenceCache();
    }

    @Bean
    MemberPolicies memberPolicies(DirectoryProperties properties) {
        return MemberPolicies.of(properties.defaultPhoneRegion(), properties.businessMailDomains());
    }

    /**
     * Commands carry the caller's metadata; a command that lost a race for an aggregate (another instance
     * appended first) is retried on fresh state, rule violations never are.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(daemonThreads("command-retry"));
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(retries).retryInterval(20).maxRetryCount(5).build())
                .dispatchInterceptors(new RequestMetadataInterceptor())
                .build();
    }

    /**
     * Axon's query bus as its auto-configuration builds it, but without a transaction around each query. That
     * configuration hands the bus the application's transaction manager, so every read — a member, the department
     * list, the caller's grant — began and committed a JDBC transaction on the embedded default (a pooled connection
     * taken and returned) and a MongoDB transaction in MongoDB mode, although the read models are read without one
     * and the event store's reads take their own (Axon's storage engines read in a transaction of their own). In a
     * profile of the SCIM benchmark, beginning and committing it was a tenth of the request thread's CPU in its queries.
     */
    @Bean
    @Qualifier("localSegment")
    SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(NoTransactionManager.INSTANCE)
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    @Bean
    TokenStore projectionTokenStore(MongoClient mongoClient, MongoDatabaseFactory databaseFactory, Serializer serializer) {
        return new TokenStoredLast(MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(mongoClient, databaseFactory.getMongoDatabase().getName())
                        .build())
                .serializer(serializer)
                .ensureIndexes(true)
                .build());
    }

    /**
     * Projections write to MongoDB without a JDBC transaction and keep their tokens in MongoDB with their
     * documents, so a read model and its token never disagree about where it stands (the token is written after
     * the batch's documents, see {@link TokenStoredLast}).
     */
    @Bean
    ConfigurerModule projectionStorage(@Qualifier("projectionTokenStore") TokenStore projectionTokenStore) {
        return configurer -> PROJECTIONS.forEach(group -> configurer.eventProcessing()
                .registerTokenStore(group, c -> projectionTokenStore)
                .registerTransactionManager(group, c -> NoTransactionManager.INSTANCE));
    }
}
