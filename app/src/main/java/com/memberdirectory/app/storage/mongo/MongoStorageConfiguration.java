package com.memberdirectory.app.storage.mongo;

import com.memberdirectory.app.deadletter.DeadLetterQueueFactory;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.app.axon.upcasting.EventUpcasters;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.ObjectProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import com.memberdirectory.query.files.FileStore;
import com.memberdirectory.app.storage.TokenClaimTimeout;
import com.memberdirectory.query.jobs.JobStorage;
import com.mongodb.ConnectionString;
import com.mongodb.MongoCommandException;
import com.mongodb.ReadConcern;
import com.mongodb.TransactionOptions;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.MongoTransactionManager;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

/**
 * MongoDB mode ({@code spring.data.mongodb.uri} set): events, snapshots, tokens, sagas, the lookup table, the files
 * kept for users (GridFS) and the read models all live in the URI's database. Spring Boot builds the {@code MongoClient} and the
 * {@link MongoDatabaseFactory} from the URI; this class adds Axon's storage on top of them.
 * <ul>
 *     <li>Writes use majority write concern unless the URI names another {@code w}.</li>
 *     <li>The extension's indexes are ensured at start: {@code ensureIndexes} of the event storage engine (unique
 *     aggregate + sequence, unique event id, timestamp + sequence for tracking, snapshots) and of the token store
 *     (unique processor + segment), and the saga indexes the extension's reference guide lists.</li>
 *     <li>{@code directory.mongo.transactions} (default {@code true}) runs every command — its claims in the
 *     lookup table and its event append — in one MongoDB multi-document transaction (see
 *     {@link MongoUniqueValues}); the server must be a replica set (a single-node one is enough) or a sharded
 *     cluster, which is checked at start. {@code false} is for the in-process stand-in and a single standalone
 *     development instance only: claims are then compensated through the Axon unit of work, with a crash window.
 *     Changes of managers are still serialised across instances (the lock row's unique {@code _id} refuses a second
 *     holder until the first command has committed, see {@code CommandLocks}), but a process that dies while holding
 *     that lock leaves it taken, and every later change of a manager is refused until it is removed by hand.</li>
 * </ul>
 * The saga's processor (and any processor not registered as a projection) runs in the same kind of transaction,
 * so a saga's state and its token move together. Projections keep their own MongoDB token store without
 * transactions (see {@code AxonConfiguration}).
 * <p>
 * Known limit of the Axon Mongo event store: it has no global sequence, tracking tokens follow event timestamps
 * and look back one second for events that became visible late. An event is stamped when the command applies it
 * and becomes visible when the transaction commits; a command whose transaction takes longer than that window
 * (e.g. a stalled commit under heavy load) could be skipped by a tracking processor that has moved on meanwhile.
 * Commands are short (one aggregate, a few claims), but the count of events vs. read-model documents should be
 * watched in this mode.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(MongoStoreCondition.class)
public class MongoStorageConfiguration {

    public static final String TRANSACTIONS_PROPERTY = "directory.mongo.transactions";
    /**
     * How long a claim on a segment of the token store below lasts without being extended (the imports' and the
     * saga's processors): when an instance dies, another takes its segments over this long after its last extension.
     */
    public static final String CLAIM_TIMEOUT_PROPERTY = "directory.mongo.claim-timeout";
    /** Axon's own default claim timeout. */
    public static final String DEFAULT_CLAIM_TIMEOUT = "PT10S";
    private static final int COMMAND_NOT_FOUND = 59;
    private static final Logger log = LoggerFactory.getLogger(MongoStorageConfiguration.class);

    /** Majority write concern for every write of the client Boot builds, unless the URI says otherwise. */
    @Bean
    MongoClientSettingsBuilderCustomizer majorityWriteConcern(@Value("${spring.data.mongodb.uri}") String uri) {
        boolean uriNamesWriteConcern = new ConnectionString(uri).getWriteConcern() != null;
        return settings -> {
            if (!uriNamesWriteConcern) {
                settings.writeConcern(WriteConcern.MAJORITY);
            }
        };
    }

    @Bean
    TransactionBoundMongoTemplate axonMongoTemplate(MongoDatabaseFactory databaseFactory) {
        return new TransactionBoundMongoTemplate(databaseFactory);
    }

    /**
     * The Spring transaction manager Axon's auto-configuration wraps into its {@code SpringTransactionManager}
     * (for the command bus and the saga's processor). Refuses to start against a server without transactions.
     */
    @Bean
    @ConditionalOnProperty(name = TRANSACTIONS_PROPERTY, havingValue = "true", matchIfMissing = true)
    MongoTransactionManager mongoTransactionManager(MongoDatabaseFactory databaseFactory) {
        Document hello = hello(databaseFactory.getMongoDatabase());
        boolean replicaSet = hello.get("setName") != null;
        boolean sharded = "isdbgrid".equals(hello.get("msg"));
        if (!replicaSet && !sharded) {
            throw new IllegalStateException("The MongoDB server at spring.data.mongodb.uri is neither a replica set nor"
                    + " a sharded cluster, so it has no transactions. Start it as a (single-node) replica set, or set "
                    + TRANSACTIONS_PROPERTY + "=false for development only (claims are then compensated, not atomic).");
        }
        // Reads inside a command see one majority-committed snapshot; the commit waits for the majority.
        return new MongoTransactionManager(databaseFactory, TransactionOptions.builder()
                .readConcern(ReadConcern.SNAPSHOT)
                .writeConcern(WriteConcern.MAJORITY)
                .build());
    }

    /** The server's {@code hello} answer; servers that predate it (or stand-ins) answer the legacy {@code isMaster}. */
    private static Document hello(MongoDatabase database) {
        try {
            return database.runCommand(new Document("hello", 1));
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != COMMAND_NOT_FOUND) {
                throw e;
            }
            return database.runCommand(new Document("isMaster", 1));
        }
    }

    @Bean
    EventStorageEngine eventStorageEngine(TransactionBoundMongoTemplate axonMongoTemplate,
                                          Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          @Value("${" + TRANSACTIONS_PROPERTY + ":true}") boolean transactions,
                                          ObjectProvider<EventUpcaster> upcasters) {
        if (!transactions) {
            log.warn("MongoDB mode without transactions ({}=false): uniqueness claims are compensated, not atomic"
                    + " with the events. Use this against the in-process stand-in or for one development instance"
                    + " only: a process that dies mid-command leaves its claims behind (a value, or the lock that"
                    + " serialises changes of managers, stays taken for every instance until removed by hand).",
                    TRANSACTIONS_PROPERTY);
        }
        // No transaction manager of its own: appends run in the command's unit of work, and with transactions
        // on, the template binds them to that unit of work's MongoDB transaction.
        return MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .storageStrategy(new DocumentPerEventStorageStrategy())
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(EventUpcasters.chain(upcasters))
                .batchSize(1000)
                .build();
    }

    @Bean
    TokenClaimTimeout tokenClaimTimeout(
            @Value("${" + CLAIM_TIMEOUT_PROPERTY + ":" + DEFAULT_CLAIM_TIMEOUT + "}") java.time.Duration claimTimeout) {
        return new TokenClaimTimeout(claimTimeout);
    }

    /**
     * Token store of the saga and the imports (and the default); projections keep theirs in
     * {@code projectionTokenStore}. Its claim timeout ({@value #CLAIM_TIMEOUT_PROPERTY}) is how soon another instance
     * takes over the segments of one that died. Idle processors extend their claims every second (Axon's event
     * availability timeout), so it should stay at 3 s or more.
     */
    @Bean
    @Primary
    TokenStore tokenStore(TransactionBoundMongoTemplate axonMongoTemplate, Serializer serializer,
                          TokenClaimTimeout claimTimeout) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .claimTimeout(claimTimeout.value())
                .ensureIndexes(true)
                .build();
    }

    @Bean
    SagaStore<Object> sagaStore(TransactionBoundMongoTemplate axonMongoTemplate, Serializer serializer) {
        // The indexes the extension's reference guide asks for (MongoSagaStore does not create them itself).
        axonMongoTemplate.sagaCollection().createIndex(Indexes.ascending("sagaIdentifier"), new IndexOptions().unique(true));
        axonMongoTemplate.sagaCollection().createIndex(
                Indexes.ascending("sagaType", "associations.key", "associations.value"));
        return MongoSagaStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }

    /** The projections' dead letters, in the database's {@code deadletters} collection (the extension's default). */
    @Bean
    DeadLetterQueueFactory deadLetterQueues(TransactionBoundMongoTemplate axonMongoTemplate, Serializer serializer) {
        return group -> MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .transactionManager(NoTransactionManager.INSTANCE)
                .maxSequences(DeadLetterQueueFactory.MAX_SEQUENCES)
                .maxSequenceSize(DeadLetterQueueFactory.MAX_SEQUENCE_SIZE)
                .build();
    }

    @Bean
    UniqueValues uniqueValues(TransactionBoundMongoTemplate axonMongoTemplate) {
        axonMongoTemplate.ensureCollection(MongoUniqueValues.COLLECTION);
        return new MongoUniqueValues(axonMongoTemplate);
    }

    @Bean
    MongoPasswordHashes passwordHashes(org.springframework.data.mongodb.core.MongoTemplate mongoTemplate) {
        return new MongoPasswordHashes(mongoTemplate);
    }

    @Bean
    MongoImportSecrets importSecrets(org.springframework.data.mongodb.core.MongoTemplate mongoTemplate,
                                     com.memberdirectory.app.credentials.SecretBox secretBox) {
        return new MongoImportSecrets(mongoTemplate, secretBox);
    }

    /** GridFS of the same database: the primary store in this mode. */
    @Bean
    FileStore fileStore(GridFsTemplate files, org.springframework.data.mongodb.core.MongoTemplate mongoTemplate) {
        return new GridFsFileStore(files, mongoTemplate);
    }

    /** Writes already use majority write concern; several instances may share the database. */
    @Bean
    JobStorage jobStorage() {
        return JobStorage.of(() -> { }, false);
    }
}
