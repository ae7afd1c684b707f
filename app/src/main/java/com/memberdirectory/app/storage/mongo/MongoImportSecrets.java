package com.memberdirectory.app.storage.mongo;

import com.memberdirectory.app.credentials.SecretBox;
import com.memberdirectory.app.storage.ImportSecretsReader;
import com.memberdirectory.command.importing.ImportSecrets;
import com.memberdirectory.kernel.member.MemberId;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.LinkedHashMap;
import java.util.Map;

/** Generated passwords of an import in MongoDB (collection {@code directory_import_secrets}), encrypted. */
public class MongoImportSecrets implements ImportSecrets, ImportSecretsReader {

    static final String COLLECTION = "directory_import_secrets";
    private final MongoTemplate mongo;
    private final SecretBox box;

    public MongoImportSecrets(MongoTemplate mongo, SecretBox box) {
        this.mongo = mongo;
        this.box = box;
    }

    @Override
    public void keep(String importId, MemberId memberId, String password) {
        Document entry = new Document("_id", importId + "/" + memberId.value()).append("importId", importId)
                .append("memberId", memberId.value()).append("secret", new Binary(box.seal(password)));
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", entry.get("_id")), entry,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    @Override
    public boolean holdsAny(String importId) {
        return mongo.exists(Query.query(Criteria.where("importId").is(importId)), COLLECTION);
    }

    @Override
    public Map<String, String> passwords(String importId) {
        Map<String, String> passwords = new LinkedHashMap<>();
        mongo.find(Query.query(Criteria.where("importId").is(importId)).with(Sort.by("memberId")), Document.class, COLLECTION)
                .forEach(d -> passwords.put(d.getString("memberId"), box.open(d.get("secret", Binary.class).getData())));
        return passwords;
    }

    @Override
    public void forget(String importId) {
        mongo.remove(Query.query(Criteria.where("importId").is(importId)), COLLECTION);
    }
}
