package com.memberdirectory.app.storage.mongo;

import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.notification.password.PasswordOutbox;
import com.memberdirectory.notification.password.PasswordSeal;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.Optional;

/**
 * Sealed passwords in MongoDB (collection {@code directory_password_outbox}): a claim re-keys the document from
 * the member to the notification by inserting the new key and deleting the old one.
 */
public class MongoPasswordOutbox implements PasswordOutbox {

    static final String COLLECTION = "directory_password_outbox";
    private final MongoTemplate mongo;
    private final PasswordSeal seal;

    public MongoPasswordOutbox(MongoTemplate mongo, PasswordSeal seal) {
        this.mongo = mongo;
        this.seal = seal;
    }

    @Override
    public void put(MemberId memberId, String password) {
        mongo.upsert(byOwner(memberKey(memberId)), Update.update("sealed", new Binary(seal.seal(password))), COLLECTION);
    }

    @Override
    public boolean claim(MemberId memberId, String notificationId) {
        Document waiting = mongo.findAndRemove(byOwner(memberKey(memberId)), Document.class, COLLECTION);
        if (waiting == null) {
            return false;
        }
        mongo.upsert(byOwner(notificationKey(notificationId)), Update.update("sealed", waiting.get("sealed")), COLLECTION);
        return true;
    }

    @Override
    public Optional<String> open(String notificationId) {
        return Optional.ofNullable(mongo.findOne(byOwner(notificationKey(notificationId)), Document.class, COLLECTION))
                .map(document -> document.get("sealed", Binary.class))
                .flatMap(sealed -> seal.open(sealed.getData()));
    }

    @Override
    public void discard(String notificationId) {
        mongo.remove(byOwner(notificationKey(notificationId)), COLLECTION);
    }

    private static Query byOwner(String owner) {
        return Query.query(Criteria.where("_id").is(owner));
    }

    private static String memberKey(MemberId memberId) {
        return "member:" + memberId.value();
    }

    private static String notificationKey(String notificationId) {
        return "notification:" + notificationId;
    }
}
