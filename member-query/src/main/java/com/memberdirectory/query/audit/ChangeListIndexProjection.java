package com.memberdirectory.query.audit;

import com.memberdirectory.kernel.member.MemberEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import com.memberdirectory.query.search.TrackedIndexRebuild;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Keeps the index of the change list ({@link ChangeListIndex}): one entry per member event, made as the change list's
 * collection makes it ({@link ChangeRecord}). Its own processor, whose position is kept in the index.
 */
@Component
@ProcessingGroup(ChangeListIndexProjection.PROCESSING_GROUP)
class ChangeListIndexProjection {

    public static final String PROCESSING_GROUP = "change-list";

    private final ChangeListIndex index;

    ChangeListIndexProjection(ChangeListIndex index) {
        this.index = index;
    }

    @EventHandler
    void on(MemberEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        index.put(ChangeRecord.of(event, message, sequence));
    }

    @ResetHandler
    void reset() {
        index.clear();
    }

    /**
     * The index of the change list as a replay rebuilds it ({@code changes}, docs/rebuilds.md): processor
     * {@code change-list} reset to the first event; meanwhile the change list is read from its collection (as while
     * the index is new or behind). Compared with that collection: every entry of it is in the index, the same. Entries
     * never change once written: one version for all.
     */
    @Bean
    static TrackedIndexRebuild.RebuiltIndex<ChangeRecord> changeListIndexRebuild(ChangeListIndex index) {
        // the collection's documents read as they are stored (no mapping to AuditDocument: a million of them)
        return new TrackedIndexRebuild.RebuiltIndex<>("changes", PROCESSING_GROUP, index, AuditDocument.class,
                ChangeRecord::of, page -> {
            // a page's entries read in one pass over the index, in its order (stored entries are compressed in blocks)
            Map<String, ChangeRecord> found = index.changes(page.stream().map(ChangeRecord::id).toList());
            return page.stream().map(live -> found.get(live.id()))
                    .map(change -> change == null ? null : new TrackedIndexRebuild.Entry(0, ChangeListIndex.document(change)))
                    .toList();
        }, live -> new TrackedIndexRebuild.Expected(new TrackedIndexRebuild.Entry(0, ChangeListIndex.document(live)), true));
    }
}
