package com.memberdirectory.query.search;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndexFreshnessTest {

    @Test
    void anEmptyStoreIsReachedByAnyIndex() {
        assertThat(IndexFreshness.reaches(null, null)).isTrue();
    }

    @Test
    void anIndexThatHasProcessedNothingReachesNoEvent() {
        assertThat(IndexFreshness.reaches(null, GapAwareTrackingToken.newInstance(0, List.of()))).isFalse();
    }

    @Test
    void theIndexReachesTheEndOfTheStreamWhenItsPositionIsThereOrBeyond() {
        GapAwareTrackingToken head = GapAwareTrackingToken.newInstance(41, List.of());
        assertThat(IndexFreshness.reaches(GapAwareTrackingToken.newInstance(40, List.of()), head)).isFalse();
        // a gap below the position is a write not yet committed, so not acknowledged to anyone yet
        assertThat(IndexFreshness.reaches(GapAwareTrackingToken.newInstance(41, List.of(39L)), head)).isTrue();
        assertThat(IndexFreshness.reaches(GapAwareTrackingToken.newInstance(45, List.of()), head)).isTrue();
    }

    @Test
    void aReplayingIndexIsWhereItHasReplayedTo() {
        GlobalSequenceTrackingToken head = new GlobalSequenceTrackingToken(100);
        ReplayToken replaying = (ReplayToken) ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100),
                new GlobalSequenceTrackingToken(10));
        assertThat(IndexFreshness.reaches(replaying, head)).isFalse();
    }
}
