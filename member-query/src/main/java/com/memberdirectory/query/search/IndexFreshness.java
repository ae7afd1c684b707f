package com.memberdirectory.query.search;

import com.memberdirectory.query.support.StreamPositions;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Whether an index of this instance ({@link TrackedIndex}) may answer now: an answer shows every change acknowledged
 * before it was asked for, as reading the read model it stands in for would (a write is answered once the member list
 * has it). The index is fed by a processor of its own, a few milliseconds behind; so a question waits until the
 * index has reached the end of the event stream as it was when it was asked. While the index is far behind (being
 * built) questions are answered by what stands in for it instead, without waiting: the member list for the member
 * search index, a replay for the index of member versions, the change list's collection for its index.
 */
public class IndexFreshness {

    /** How long a question waits for an index that was current before it falls back to what stands in for it. */
    static final long WAIT_WHEN_CURRENT_MILLIS = 5_000;
    /** How long a question waits for an index that is being built. */
    static final long WAIT_WHEN_BUILDING_MILLIS = 100;
    private static final Logger log = LoggerFactory.getLogger(IndexFreshness.class);

    private final EventStore events;
    private final TrackedIndex<?> index;
    private final String what;
    private final String meanwhile;
    private volatile boolean current;

    /** @param what the index, for the log; {@code meanwhile} what answers while it is behind */
    public IndexFreshness(EventStore events, TrackedIndex<?> index, String what, String meanwhile) {
        this.events = events;
        this.index = index;
        this.what = what;
        this.meanwhile = meanwhile;
    }

    public boolean indexIsCurrent() throws InterruptedException {
        TrackingToken head = events.createHeadToken();
        boolean wasCurrent = current;
        boolean reached = index.await(processed -> reaches((TrackingToken) processed, head),
                wasCurrent ? WAIT_WHEN_CURRENT_MILLIS : WAIT_WHEN_BUILDING_MILLIS);
        if (reached != wasCurrent) {
            current = reached;
            if (reached) {
                log.info("The {} has caught up with the events; it answers", what);
            } else {
                log.warn("The {} is more than {} ms behind the events; {} until it has caught up", what,
                        WAIT_WHEN_CURRENT_MILLIS, meanwhile);
            }
        }
        return reached;
    }

    /** Whether the index, at {@code processed}, has every event up to {@code head}. */
    static boolean reaches(TrackingToken processed, TrackingToken head) {
        return StreamPositions.reached(processed, head);
    }
}
