package com.memberdirectory.app.storage.mongo;

import com.memberdirectory.app.credentials.HashingLoginPasswords;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Password hashes in MongoDB (collection {@code directory_credentials}). */
public class MongoPasswordHashes implements HashingLoginPasswords.HashStore {

    static final String COLLECTION = "directory_credentials";
    private final MongoTemplate mongo;

    public MongoPasswordHashes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void save(String memberId, String hash) {
        mongo.upsert(Query.query(Criteria.where("_id").is(memberId)), Update.update("passwordHash", hash), COLLECTION);
    }
}
