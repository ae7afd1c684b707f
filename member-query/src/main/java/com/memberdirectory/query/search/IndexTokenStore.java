package com.memberdirectory.query.search;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.util.HashMap;
import java.util.Map;

/**
 * The token store of the search index's processor: the index is a file of this instance, so its position in the
 * event stream is kept in the index itself, committed with the documents it describes
 * ({@link MemberSearchIndex#batchDone}), not in the shared token store. Every instance therefore keeps its own
 * index up to date, and an index and its position never disagree.
 */
public final class IndexTokenStore extends InMemoryTokenStore {

    private static final String DATA = "token";
    private static final String TYPE = "type";
    private static final String REVISION = "revision";

    private final MemberSearchIndex index;
    private final Serializer serializer;

    public IndexTokenStore(String processorName, MemberSearchIndex index, Serializer serializer) {
        this.index = index;
        this.serializer = serializer;
        TrackingToken committed = tokenOf(index.committedPosition());
        if (committed != null) {
            initializeTokenSegments(processorName, 1, committed);
            index.reachedAtOpen(committed);
        }
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        super.storeToken(token, processorName, segment);
        index.batchDone(positionOf(token), token);
    }

    private Map<String, String> positionOf(TrackingToken token) {
        if (token == null) {
            return Map.of();
        }
        SerializedObject<String> serialized = serializer.serialize(token, String.class);
        Map<String, String> position = new HashMap<>();
        position.put(DATA, serialized.getData());
        position.put(TYPE, serialized.getType().getName());
        if (serialized.getType().getRevision() != null) {
            position.put(REVISION, serialized.getType().getRevision());
        }
        return position;
    }

    private TrackingToken tokenOf(Map<String, String> position) {
        if (position.get(DATA) == null || position.get(TYPE) == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(position.get(DATA), String.class, position.get(TYPE),
                position.get(REVISION)));
    }
}
