package com.memberdirectory.query.replay;

import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tallies the documents of one collection, rebuilt against live, at the same position in the events: documents only
 * the live collection has ({@code missing} from the rebuild), documents only the rebuild has ({@code extra}), and
 * documents both have that differ ({@code different}), with the first few ids of each. Spring Data's type hint
 * ({@code _class}) is not compared.
 */
public final class ReadModelComparison {

    static final int EXAMPLES = 5;
    private static final String TYPE_HINT = "_class";

    private final String collection;
    private long documents;
    private long missing;
    private long extra;
    private long different;
    private final List<String> examples = new ArrayList<>();

    public ReadModelComparison(String collection) {
        this.collection = collection;
    }

    /** One rebuilt document and the live one of the same id (null when the live collection has none). */
    public void rebuilt(Object id, Document rebuilt, Document live) {
        documents++;
        if (live == null) {
            extra++;
            example("extra", id);
        } else if (!same(rebuilt, live)) {
            different++;
            example("different", id);
        }
    }

    /** A rebuilt document known to equal the live one (compared by the caller). */
    public void agreed() {
        agreed(1);
    }

    /** Rebuilt documents known to equal the live ones. */
    public void agreed(long count) {
        documents += count;
    }

    /** Whether two documents of the same id are the same read model content. */
    public static boolean same(Document rebuilt, Document live) {
        return comparable(rebuilt).equals(comparable(live));
    }

    /** A live document the rebuild does not have. */
    public void onlyLive(Object id) {
        missing++;
        example("missing", id);
    }

    private void example(String kind, Object id) {
        if (examples.size() < EXAMPLES) {
            examples.add(kind + ": " + Objects.toString(id));
        }
    }

    private static Map<String, Object> comparable(Document document) {
        Document copy = new Document(document);
        copy.remove(TYPE_HINT);
        return copy;
    }

    public String collection() {
        return collection;
    }

    /** Documents in the rebuilt collection. */
    public long documents() {
        return documents;
    }

    public long missing() {
        return missing;
    }

    public long extra() {
        return extra;
    }

    public long different() {
        return different;
    }

    public long mismatches() {
        return missing + extra + different;
    }

    /** Up to {@value #EXAMPLES} ids, each with what was wrong ({@code missing: 42}). */
    public List<String> examples() {
        return List.copyOf(examples);
    }
}
