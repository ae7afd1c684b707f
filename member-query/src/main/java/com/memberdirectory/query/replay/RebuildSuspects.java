package com.memberdirectory.query.replay;

import org.bson.Document;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the first comparison of a rebuild found ({@link ReadModelRebuild}): the ids of up to {@code max} documents
 * that differ, to be compared again once the live processors are paused, and the differences beyond those, tallied
 * as found. So many differences mean the read models differ anyway (a projection that changed, a damaged
 * collection); keeping every id would make the pause, and the memory, grow with the collection.
 */
final class RebuildSuspects {

    private final int max;
    private final Set<Object> ids = new LinkedHashSet<>();
    private final ReadModelComparison beyond;
    private long beyondRebuilt;

    RebuildSuspects(String collection, int max) {
        this.max = max;
        this.beyond = new ReadModelComparison(collection);
    }

    /** A document that differs: {@code rebuilt} or {@code live} null when that side has none. */
    void found(Object id, Document rebuilt, Document live) {
        if (ids.size() < max) {
            ids.add(id);
        } else if (rebuilt == null) {
            beyond.onlyLive(id);
        } else {
            beyond.rebuilt(id, rebuilt, live);
            beyondRebuilt++;
        }
    }

    /** The documents to compare again. */
    Set<Object> ids() {
        return ids;
    }

    /** The differences past {@code max}, as found; the comparison's tally goes on from here. */
    ReadModelComparison beyond() {
        return beyond;
    }

    /** How many of the differences past {@code max} were rebuilt documents (tallied in {@link #beyond()}). */
    long beyondRebuilt() {
        return beyondRebuilt;
    }
}
