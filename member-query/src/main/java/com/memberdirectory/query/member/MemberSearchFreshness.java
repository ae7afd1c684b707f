package com.memberdirectory.query.member;

import com.memberdirectory.query.search.MemberSearchIndex;
import com.memberdirectory.query.search.TrackedIndex;
import com.memberdirectory.query.support.StreamPositions;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;


/**
 * Whether the search index may answer a list now: a list shows every change acknowledged before it was asked
 * for, as reading the member list would (a write is answered once the member list has it). The index is fed by a
 * processor of its own, a few milliseconds behind; so a list waits until the index has reached the end of the
 * event stream as it was when the list was asked for. While the index is far behind (being built) lists are
 * answered by reading the member list instead, without waiting. The index of member versions that answers
 * {@code asOf} ({@link MemberVersions}) and the index of the change list are fresh by the same rule.
 */
@Component
public class MemberSearchFreshness {

    /** How long a list waits for an index that was current before it falls back to reading the member list. */
    static final long WAIT_WHEN_CURRENT_MILLIS = 5_000;
    /** How long a list waits for an index that is being built. */
    static final long WAIT_WHEN_BUILDING_MILLIS = 100;
    private static final Logger log = LoggerFactory.getLogger(MemberSearchFreshness.class);

    private final EventStore events;
    private final TrackedIndex<?> index;
    private final String what;
    private final String meanwhile;
    private volatile boolean current;

    @Autowired
    MemberSearchFreshness(EventStore events, MemberSearchIndex index) {
        this(events, index, "member search index", "lists and searches read the member list");
    }

    /** @param what the index, for the log; {@code meanwhile} what answers while it is behind */
    public MemberSearchFreshness(EventStore events, TrackedIndex<?> index, String what, String meanwhile) {
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
