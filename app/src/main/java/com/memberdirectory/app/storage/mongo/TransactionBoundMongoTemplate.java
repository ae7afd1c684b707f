package com.memberdirectory.app.storage.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.MongoDatabaseUtils;
import org.springframework.data.mongodb.SessionSynchronization;

import java.util.ArrayList;

/**
 * Axon's {@link MongoTemplate} on Spring's {@link MongoDatabaseFactory}: every call looks up the database
 * through {@link MongoDatabaseUtils}, so while a Spring {@code MongoTransactionManager} transaction is active on
 * this thread the collections are bound to its {@code ClientSession} (every operation joins the transaction);
 * outside a transaction they are plain collections. Axon's own {@code DefaultMongoTemplate} holds one
 * {@link MongoDatabase} and cannot join a transaction — this class does what the {@code axon-mongo-spring}
 * module's template did, which has no 4.12 release. The collection names are the extension's defaults.
 */
public class TransactionBoundMongoTemplate implements MongoTemplate {

    private final MongoDatabaseFactory databaseFactory;

    public TransactionBoundMongoTemplate(MongoDatabaseFactory databaseFactory) {
        this.databaseFactory = databaseFactory;
    }

    /** The database, bound to the current transaction's session if there is one. */
    MongoDatabase database() {
        return MongoDatabaseUtils.getDatabase(databaseFactory, SessionSynchronization.ON_ACTUAL_TRANSACTION);
    }

    /** Whether a Spring-managed MongoDB transaction is active on this thread. */
    boolean inTransaction() {
        return MongoDatabaseUtils.isTransactionActive(databaseFactory);
    }

    MongoCollection<Document> collection(String name) {
        return database().getCollection(name);
    }

    /** Creates the collection if it is missing: a transaction may only create one implicitly on MongoDB 4.4+. */
    void ensureCollection(String name) {
        MongoDatabase database = database();
        if (!database.listCollectionNames().into(new ArrayList<>()).contains(name)) {
            database.createCollection(name);
        }
    }

    @Override
    public MongoCollection<Document> trackingTokensCollection() {
        return collection("trackingtokens");
    }

    @Override
    public MongoCollection<Document> eventCollection() {
        return collection("domainevents");
    }

    @Override
    public MongoCollection<Document> snapshotCollection() {
        return collection("snapshotevents");
    }

    @Override
    public MongoCollection<Document> sagaCollection() {
        return collection("sagas");
    }

    @Override
    public MongoCollection<Document> deadLetterCollection() {
        return collection("deadletters");
    }
}
