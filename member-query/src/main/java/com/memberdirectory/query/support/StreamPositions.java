package com.memberdirectory.query.support;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

import java.util.OptionalLong;

/** Comparing positions in the event stream. */
public final class StreamPositions {

    private StreamPositions() {
    }

    /**
     * Whether a reader at {@code processed} has read the event at {@code position} (or everything up to it): by
     * position where both have one — unless the position is one of the reader's gaps —, otherwise as the tokens
     * cover each other. Nothing to read ({@code position} null) is reached by anyone; a reader that has read
     * nothing ({@code processed} null) reaches nothing else.
     */
    public static boolean reached(TrackingToken processed, TrackingToken position) {
        if (position == null) {
            return true;
        }
        if (processed == null) {
            return false;
        }
        OptionalLong at = processed.position();
        OptionalLong wanted = position.position();
        if (at.isPresent() && wanted.isPresent()) {
            if (processed instanceof GapAwareTrackingToken gapAware && gapAware.getGaps().contains(wanted.getAsLong())) {
                return false;
            }
            return at.getAsLong() >= wanted.getAsLong();
        }
        return processed.covers(position);
    }
}
