package com.memberdirectory.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A walk through a whole collection in id order, a page at a time, each page read from where the last one ended
 * ({@code {_id: {$gt: last}}} sorted by {@code _id}, limited): memory and reply size stay those of one page whatever
 * the collection's size. MongoDB answers each page from its id index, the embedded read-model store from its map's
 * position.
 */
public final class IdOrderPages {

    private IdOrderPages() {
    }

    /** Hands each page of {@code collection} ({@code projection} applied if not null) to {@code page}, in id order. */
    public static void forEach(MongoCollection<Document> collection, Bson projection, int size, Consumer<List<Document>> page) {
        Object last = null;
        while (true) {
            List<Document> documents = collection.find(last == null ? new Document() : Filters.gt("_id", last))
                    .sort(Sorts.ascending("_id")).limit(size).projection(projection).into(new ArrayList<>());
            if (documents.isEmpty()) {
                return;
            }
            page.accept(documents);
            last = documents.get(documents.size() - 1).get("_id");
        }
    }
}
