package com.memberdirectory.app.storage.embedded;

import com.memberdirectory.app.config.DirectoryProperties;
import com.memberdirectory.app.credentials.SecretBox;
import com.memberdirectory.app.deadletter.DeadLetterQueueFactory;
import com.memberdirectory.app.axon.upcasting.EventUpcasters;
import com.memberdirectory.eventstore.DataFolder;
import com.memberdirectory.eventstore.EmbeddedDatabase;
import com.memberdirectory.eventstore.EventQueries;
import com.memberdirectory.eventstore.StatementPinningDataSource;
import com.memberdirectory.readmodelstore.ReadModelServer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.ObjectProvider;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.query.files.FileStore;
import com.memberdirectory.app.storage.TokenClaimTimeout;
import com.memberdirectory.query.jobs.JobStorage;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.hsqldb.jdbc.JDBCDataSource;
import de.bwaldvogel.mongo.MongoServer;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.net.InetSocketAddress;

/**
 * The embedded default: events, sagas, the saga's token, the lookup table and the files kept for users in an HSQLDB
 * file database; read models and their tokens in an in-process MongoDB wire-protocol server with an H2 MVStore file.
 * Everything lives under {@code directory.embedded-store.path}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedStoreCondition.class)
public class EmbeddedStorageConfiguration {

    static final String DATABASE = "directory";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedStorageConfiguration.class);

    @Bean(destroyMethod = "close")
    DataFolder dataFolder(DirectoryProperties properties) {
        DataFolder folder = new DataFolder(properties.embeddedStore().path());
        log.info("Embedded store in {}", folder.root());
        return folder;
    }

    /**
     * HSQLDB in MVCC mode, writing its log at every commit ({@code write_delay=false}): an acknowledged
     * command is on disk before the answer leaves. Its own lock file is off because {@link DataFolder} holds
     * an OS lock that, unlike HSQLDB's, is released when the process dies. Connections keep the compiled form of
     * the statements they run (see {@link StatementPinningDataSource}). The data file is read and written through
     * the file system, not memory-mapped ({@code nio_data_file=false}; {@link EmbeddedDatabase} sets it on folders
     * made before): mapped pages count in the process's resident set (docs/jvm-options.md, "Resident memory").
     */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DataFolder folder) {
        JDBCDataSource hsqldb = new JDBCDataSource();
        hsqldb.setUrl("jdbc:hsqldb:file:" + folder.resolve("events").resolve("directory")
                + ";hsqldb.tx=mvcc;hsqldb.write_delay=false;hsqldb.lock_file=false;hsqldb.default_table_type=cached"
                + ";hsqldb.log_size=64;hsqldb.cache_size=65536;hsqldb.nio_data_file=false");
        hsqldb.setUser("SA");
        hsqldb.setPassword("");
        HikariConfig config = new HikariConfig();
        config.setPoolName("event-store");
        config.setDataSource(new StatementPinningDataSource(hsqldb, 256));
        config.setMaximumPoolSize(16);
        return new HikariDataSource(config);
    }

    /**
     * JDBC connections for Axon (event store, token store, saga store): the connection of the current Spring
     * transaction. Not Axon's default {@code UnitOfWorkAwareConnectionProviderWrapper}, which commits or rolls back
     * the raw connection when a unit of work ends: inside a group-commit batch (see
     * {@code GroupCommitCommandBus}) that would commit the batch early or roll back the other commands' writes
     * when one command is refused. Transactions are Spring's alone.
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    @Bean
    EmbeddedDatabase embeddedDatabase(DataSource dataSource) {
        return new EmbeddedDatabase(new JdbcTemplate(dataSource));
    }

    /** Axon's own, which its auto-configuration leaves out once the application defines the event store. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    @Bean
    EventStorageEngine eventStorageEngine(EmbeddedDatabase database,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          ObjectProvider<EventUpcaster> upcasters) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(EventUpcasters.chain(upcasters))
                .dataType(byte[].class)
                // Reading 1,000 events per query instead of 100 makes catching up and replays much faster.
                .batchSize(1000)
                // Reading with gaps through the primary-key index instead of a full table scan (see EventQueries).
                .readEventDataWithGaps(EventQueries::readEventDataWithGaps)
                .build();
    }

    /** Axon's default: one process holds the data folder, so no other instance waits to take a segment over. */
    @Bean
    TokenClaimTimeout tokenClaimTimeout() {
        return new TokenClaimTimeout(Duration.ofSeconds(10));
    }

    /**
     * Token store of the saga and the imports (and the default); projections keep their tokens with their
     * collections.
     */
    @Bean
    @Primary
    TokenStore tokenStore(EmbeddedDatabase database, ConnectionProvider connectionProvider, Serializer serializer,
                          TokenClaimTimeout claimTimeout) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .contentType(byte[].class)
                .claimTimeout(claimTimeout.value())
                .build();
    }

    /**
     * The projections' dead letters, in the event store's database. The queue commits its own short transactions
     * (the projections' processors run without one).
     */
    @Bean
    DeadLetterQueueFactory deadLetterQueues(EmbeddedDatabase database, ConnectionProvider connectionProvider,
                                            DataSource dataSource, Serializer serializer,
                                            @Qualifier("eventSerializer") Serializer eventSerializer) {
        TransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        return group -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .connectionProvider(connectionProvider)
                .transactionManager(transactions)
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .maxSequences(DeadLetterQueueFactory.MAX_SEQUENCES)
                .maxSequenceSize(DeadLetterQueueFactory.MAX_SEQUENCE_SIZE)
                .build();
    }

    @Bean
    UniqueValues uniqueValues(EmbeddedDatabase database, DataSource dataSource) {
        return new JdbcUniqueValues(new JdbcTemplate(dataSource));
    }

    @Bean
    JdbcPasswordHashes passwordHashes(EmbeddedDatabase database, DataSource dataSource) {
        return new JdbcPasswordHashes(new JdbcTemplate(dataSource));
    }

    @Bean
    JdbcImportSecrets importSecrets(EmbeddedDatabase database, DataSource dataSource, SecretBox secretBox) {
        return new JdbcImportSecrets(new JdbcTemplate(dataSource), secretBox);
    }

    /**
     * Photos and the files kept for users, with the events (see {@link JdbcFileStore}). Files that earlier versions
     * kept in GridFS of the read-model store are moved here first ({@link ReadModelFilesMigration}).
     */
    @Bean
    FileStore fileStore(EmbeddedDatabase database, DataSource dataSource, GridFsTemplate readModelFiles) {
        JdbcFileStore files = new JdbcFileStore(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        ReadModelFilesMigration.run(readModelFiles, files);
        return files;
    }

    /**
     * Exports' and replays' records, in the read-model store: the store writes its file within a second in the
     * background, so a job's acceptance is committed to the file before it is answered. The data folder is this
     * process's alone.
     */
    @Bean
    JobStorage jobStorage(MongoServer embeddedMongoServer) {
        return JobStorage.of(((ReadModelServer) embeddedMongoServer)::commit, true);
    }

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(DataFolder folder) {
        MongoServer server = ReadModelServer.open(folder.resolve("readmodels.mv"));
        server.bind("127.0.0.1", 0);
        return server;
    }


    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        return MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    /**
     * Health of the in-process read-model store. Spring Boot's own indicator sends {@code hello}, which the
     * stand-in does not know; {@code ping} it does.
     */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoDatabaseFactory mongoDatabaseFactory) {
        return () -> {
            try {
                mongoDatabaseFactory.getMongoDatabase().runCommand(new org.bson.Document("ping", 1));
                return Health.up().withDetail("store", "in-process read-model store").build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }

    @Bean
    MongoDatabaseFactory mongoDatabaseFactory(MongoClient mongoClient) {
        return new SimpleMongoClientDatabaseFactory(mongoClient, DATABASE);
    }
}
