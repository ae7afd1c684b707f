package com.memberdirectory.query.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Entries written to an index but not yet readable: a refresh lets go only of what it made readable. */
class PendingEntriesTest {

    @Test
    void an_entry_written_again_during_a_refresh_stays_pending() {
        TrackedIndex.Pending<String> pending = new TrackedIndex.Pending<>();
        pending.put("ann", "Ann v1");
        pending.put("bob", "Bob v1");
        long beforeRefresh = pending.lastWrite();
        pending.put("ann", "Ann v2"); // written while the refresh runs: the refreshed searcher may not have it

        pending.readableUpTo(beforeRefresh);

        assertThat(pending.get("bob")).as("made readable by the refresh").isNull();
        assertThat(pending.get("ann")).as("the newer write is still only here").isEqualTo("Ann v2");
        assertThat(pending.size()).isEqualTo(1);

        pending.readableUpTo(pending.lastWrite());
        assertThat(pending.isEmpty()).isTrue();
    }
}
