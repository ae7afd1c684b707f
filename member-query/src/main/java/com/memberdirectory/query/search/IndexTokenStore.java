package com.memberdirectory.query.search;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The token store of the processor of an index of this instance ({@link TrackedIndex}, such as the search index): the index is a file of this instance, so its position in the
 * event stream is kept in the index itself, committed with the documents it describes
 * ({@link TrackedIndex#batchDone}), not in the shared token store. Every instance therefore keeps its own
 * index up to date, and an index and its position never disagree. One processor, one segment, claimed by this
 * instance alone.
 */
public final class IndexTokenStore implements TokenStore {

    private static final String DATA = "token";
    private static final String TYPE = "type";
    private static final String REVISION = "revision";

    private final String processorName;
    private final TrackedIndex<?> index;
    private final Serializer serializer;
    private boolean initialized;
    private TrackingToken token;

    public IndexTokenStore(String processorName, TrackedIndex<?> index, Serializer serializer) {
        this.processorName = processorName;
        this.index = index;
        this.serializer = serializer;
        Map<String, String> committed = index.committedPosition();
        if (committed.containsKey(TYPE)) {
            token = tokenOf(committed);
            initialized = true;
            index.reachedAtOpen(token);
        }
    }

    @Override
    public synchronized void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        check(processorName, 0);
        if (segmentCount != 1) {
            throw new UnableToClaimTokenException("The index is kept by one segment, not " + segmentCount);
        }
        if (initialized) {
            throw new UnableToClaimTokenException("The token of " + processorName + " is initialized already");
        }
        token = initialToken;
        initialized = true;
    }

    @Override
    public synchronized void storeToken(TrackingToken token, String processorName, int segment) {
        check(processorName, segment);
        this.token = token;
        initialized = true;
        index.batchDone(() -> positionOf(token), token);
    }

    @Override
    public synchronized TrackingToken fetchToken(String processorName, int segment) {
        check(processorName, segment);
        if (!initialized) {
            throw new UnableToClaimTokenException("No token of " + processorName + " was initialized");
        }
        return token;
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        check(processorName, segment);
    }

    @Override
    public synchronized int[] fetchSegments(String processorName) {
        check(processorName, 0);
        return initialized ? new int[]{0} : new int[0];
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return Optional.of(index.path().toString());
    }

    private void check(String name, int segment) {
        if (!processorName.equals(name) || segment != 0) {
            throw new UnableToClaimTokenException("This store keeps the token of segment 0 of " + processorName
                    + " only, not of segment " + segment + " of " + name);
        }
    }

    private Map<String, String> positionOf(TrackingToken token) {
        Map<String, String> position = new HashMap<>();
        if (token == null) {
            position.put(TYPE, "");
            return position;
        }
        SerializedObject<String> serialized = serializer.serialize(token, String.class);
        position.put(DATA, serialized.getData());
        position.put(TYPE, serialized.getType().getName());
        if (serialized.getType().getRevision() != null) {
            position.put(REVISION, serialized.getType().getRevision());
        }
        return position;
    }

    private TrackingToken tokenOf(Map<String, String> position) {
        if (position.get(DATA) == null || position.get(TYPE).isEmpty()) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(position.get(DATA), String.class, position.get(TYPE),
                position.get(REVISION)));
    }
}
