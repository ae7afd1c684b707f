package com.memberdirectory.readmodelstore;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The command {@value #COMMAND}: which documents of two collections of a database differ, found in the store itself.
 * <pre>{ directoryCompareCollections: "audit", with: "audit_rebuild", limit: 10000 }</pre>
 * answers {@code { ok: 1, differing: [ids…], complete: true|false }}: the ids of the documents whose stored bytes
 * differ, or that only one collection has, in id order — at most {@code limit} of them ({@code complete: false} when
 * there were more). Both maps are walked side by side in id order and their stored BSON compared byte for byte,
 * without decoding a document or sending one over the wire: a rebuild compares a million documents in about a second
 * instead of reading both collections through the protocol. Documents with equal contents in another field order
 * differ here; the caller compares the documents it gets back by their contents. Each map is read as it was when the
 * walk began (MVStore maps are copy-on-write), and the store version read is registered, so compaction cannot reuse
 * its pages meanwhile.
 * <p>
 * A command of this store only: a MongoDB server answers it "no such command", and callers compare there document by
 * document.
 */
final class CollectionComparison {

    static final String COMMAND = "directoryCompareCollections";

    private CollectionComparison() {
    }

    static Document run(MVStore store, UnaryOperator<String> namespaceOf, Document command) {
        Object first = command.get(COMMAND);
        Object second = command.get("with");
        if (!(first instanceof String live) || !(second instanceof String rebuilt)) {
            throw new IllegalArgumentException(COMMAND + " takes two collection names: {" + COMMAND + ": <name>, with: <name>}");
        }
        int limit = command.get("limit") instanceof Number number ? number.intValue() : Integer.MAX_VALUE;
        List<Object> differing = new ArrayList<>();
        boolean complete = true;
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            Cursor<Object, byte[]> left = cursor(store, namespaceOf.apply(live));
            Cursor<Object, byte[]> right = cursor(store, namespaceOf.apply(rebuilt));
            Object leftKey = next(left);
            Object rightKey = next(right);
            while (leftKey != null || rightKey != null) {
                int order = leftKey == null ? 1 : rightKey == null ? -1 : BsonValueType.ORDER.compare(leftKey, rightKey);
                Object different = null;
                if (order < 0) {
                    different = leftKey;
                    leftKey = next(left);
                } else if (order > 0) {
                    different = rightKey;
                    rightKey = next(right);
                } else {
                    if (!Arrays.equals(left.getValue(), right.getValue())) {
                        different = leftKey;
                    }
                    leftKey = next(left);
                    rightKey = next(right);
                }
                if (different != null) {
                    if (differing.size() >= limit) {
                        complete = false;
                        break;
                    }
                    differing.add(Missing.isNullOrMissing(different) ? null : different);
                }
            }
        } finally {
            store.deregisterVersionUsage(reading);
        }
        return new Document("differing", differing).append("complete", complete).append("ok", 1.0);
    }

    /** A walk of a collection's documents in id order; of nothing if it has none. */
    private static Cursor<Object, byte[]> cursor(MVStore store, String namespace) {
        String name = ReadModelStoreLayout.documentsMap(namespace);
        if (!store.hasMap(name)) {
            return null;
        }
        MVMap<Object, byte[]> map = ReadModelDatabase.documentsMap(store, namespace);
        return map.cursor(null);
    }

    private static Object next(Cursor<Object, byte[]> cursor) {
        return cursor != null && cursor.hasNext() ? cursor.next() : null;
    }
}
