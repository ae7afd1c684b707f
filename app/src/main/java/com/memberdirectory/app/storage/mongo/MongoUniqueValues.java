package com.memberdirectory.app.storage.mongo;

import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The lookup table in MongoDB mode: collection {@value #COLLECTION}, one document per claimed value,
 * {@code _id = "<KIND>:<value>"} (the unique {@code _id} index is what refuses a second owner), plus
 * {@code kind}, {@code value}, {@code owner} and {@code claimedBy} (the unit of work that inserted it).
 *
 * <h2>How a claim stays atomic with the command's events</h2>
 * <b>With transactions (the default, a replica set):</b> the command's unit of work runs in a MongoDB
 * multi-document transaction (Spring's {@code MongoTransactionManager} behind Axon's
 * {@code SpringTransactionManager}), and both this class and the event store reach MongoDB through
 * {@link TransactionBoundMongoTemplate}, i.e. through the transaction's session. Claims, releases and the event
 * append commit or abort together; there is no crash window. A claim reads first and inserts only a value nobody
 * holds: a failed insert aborts a MongoDB transaction, so a duplicate-key error or a write conflict here means
 * another command claimed the value between our read and our insert — it is reported as Axon's (transient)
 * {@link ConcurrencyException}, the gateway retries the command on fresh state and then sees the winner's claim
 * (a rule violation, 409). Two concurrent commands can never both hold a value.
 * <p>
 * <b>Without transactions ({@code directory.mongo.transactions=false}: the in-process stand-in in tests, or a
 * standalone server in development):</b> a compensating scheme on the Axon unit of work. A claim is inserted at
 * once (the unique {@code _id} still makes a concurrent second claim fail); if the unit of work rolls back (e.g.
 * the second of two claims is a duplicate, or the event append fails), the claims this unit of work inserted are
 * deleted again; releases are deferred until after the unit of work committed. Limits: a concurrent command may
 * see a claim that is about to be rolled back and be refused (a false 409, never a double claim); and if the
 * process dies between the claim and the event append, the claim stays behind (the value is blocked), and if it
 * dies between the append and a deferred release, the old value stays held by its former owner. Both need a
 * manual clean-up, so this mode is not for production.
 */
public class MongoUniqueValues implements UniqueValues {

    static final String COLLECTION = "directory_claims";
    private static final int WRITE_CONFLICT = 112;

    private final TransactionBoundMongoTemplate mongo;

    public MongoUniqueValues(TransactionBoundMongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String id(UniqueKind kind, String value) {
        return kind.name() + ":" + value;
    }

    private MongoCollection<Document> claims() {
        return mongo.collection(COLLECTION);
    }

    @Override
    public boolean claim(UniqueKind kind, String value, String owner) {
        String id = id(kind, value);
        Optional<UnitOfWork<?>> unitOfWork = compensatingUnitOfWork();
        if (unitOfWork.isPresent() && pendingReleases(unitOfWork.get()).remove(new Release(id, owner))) {
            return true; // released and claimed again by the same owner in one unit of work: nothing changes
        }
        Optional<String> holder = ownerOf(kind, value);
        if (holder.isPresent() && unitOfWork.isPresent() && !holder.get().equals(owner)
                && pendingReleases(unitOfWork.get()).remove(new Release(id, holder.get()))) {
            return handOver(unitOfWork.get(), id, holder.get(), owner);
        }
        if (holder.isPresent()) {
            return holder.get().equals(owner);
        }
        String claimedBy = unitOfWork.map(MongoUniqueValues::claimToken).orElse(null);
        try {
            claims().insertOne(new Document("_id", id).append("kind", kind.name()).append("value", value)
                    .append("owner", owner).append("claimedBy", claimedBy));
        } catch (MongoException e) {
            if (!isDuplicateOrConflict(e)) {
                throw e;
            }
            if (mongo.inTransaction()) {
                // The transaction is aborted by the failed write; retrying the whole command decides.
                throw new ConcurrencyException("Another command claimed " + kind + " '" + value + "' meanwhile", e);
            }
            return ownerOf(kind, value).map(owner::equals).orElse(false);
        }
        unitOfWork.ifPresent(uow -> uow.root().onRollback(u -> claims().deleteOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("claimedBy", claimedBy)))));
        return true;
    }

    /**
     * A value its holder released earlier in this unit of work, claimed for another owner — a member's entry in the
     * manager graph moving to another manager: the entry changes hands now, and goes back on rollback. (Left to the
     * deferred release, the claim would be refused, as the value is still held, and the release would then delete
     * the entry: the member would drop out of the graph that refuses cycles of managers.)
     */
    private boolean handOver(UnitOfWork<?> unitOfWork, String id, String from, String to) {
        boolean moved = claims().updateOne(held(id, from), Updates.combine(Updates.set("owner", to),
                Updates.set("claimedBy", claimToken(unitOfWork)))).getModifiedCount() == 1;
        if (moved) {
            unitOfWork.onRollback(u -> claims().updateOne(held(id, to), Updates.set("owner", from)));
        }
        return moved;
    }

    @Override
    public void release(UniqueKind kind, String value, String owner) {
        String id = id(kind, value);
        Optional<UnitOfWork<?>> unitOfWork = compensatingUnitOfWork();
        if (unitOfWork.isPresent()) {
            pendingReleases(unitOfWork.get()).add(new Release(id, owner));
        } else {
            claims().deleteOne(held(id, owner));
        }
    }

    @Override
    public long count(UniqueKind kind, String prefix) {
        return claims().countDocuments(Filters.and(Filters.eq("kind", kind.name()),
                Filters.regex("value", "^" + java.util.regex.Pattern.quote(prefix))));
    }

    @Override
    public java.util.Map<String, String> owners(UniqueKind kind, String prefix) {
        java.util.Map<String, String> found = new java.util.LinkedHashMap<>();
        claims().find(Filters.and(Filters.eq("kind", kind.name()),
                Filters.regex("value", "^" + java.util.regex.Pattern.quote(prefix))))
                .forEach(claim -> found.put(claim.getString("value"), claim.getString("owner")));
        return found;
    }

    @Override
    public Optional<String> ownerOf(UniqueKind kind, String value) {
        Document claim = claims().find(Filters.eq("_id", id(kind, value))).first();
        return Optional.ofNullable(claim).map(c -> c.getString("owner"));
    }

    /** The active unit of work when claims must be compensated (no transaction), else empty. */
    private Optional<UnitOfWork<?>> compensatingUnitOfWork() {
        if (mongo.inTransaction() || !CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        return Optional.of(CurrentUnitOfWork.get().root());
    }

    private static String claimToken(UnitOfWork<?> root) {
        return root.getOrComputeResource(MongoUniqueValues.class.getName() + "/token", k -> UUID.randomUUID().toString());
    }

    private Set<Release> pendingReleases(UnitOfWork<?> root) {
        return root.getOrComputeResource(MongoUniqueValues.class.getName() + "/releases", k -> {
            Set<Release> releases = new LinkedHashSet<>();
            root.afterCommit(u -> releases.forEach(r -> claims().deleteOne(held(r.id(), r.owner()))));
            return releases;
        });
    }

    private static Bson held(String id, String owner) {
        return Filters.and(Filters.eq("_id", id), Filters.eq("owner", owner));
    }

    private static boolean isDuplicateOrConflict(MongoException e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY || write.getError().getCode() == WRITE_CONFLICT;
        }
        return e instanceof MongoServerException server
                && (ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY || server.getCode() == WRITE_CONFLICT);
    }

    private record Release(String id, String owner) {
    }
}
