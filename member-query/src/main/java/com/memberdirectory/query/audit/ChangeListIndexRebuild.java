package com.memberdirectory.query.audit;

import com.memberdirectory.query.search.TrackedIndex;
import com.memberdirectory.query.search.TrackedIndexRebuild;
import org.springframework.stereotype.Component;

/**
 * The index of the change list as a replay rebuilds it ({@link TrackedIndexRebuild}, name {@value #NAME}): processor
 * {@code change-list} reset to the first event; meanwhile the change list is read from its collection (as while the
 * index is new or behind). Compared with that collection: every entry of the collection is in the index, the same.
 */
@Component
public class ChangeListIndexRebuild implements TrackedIndexRebuild.RebuiltIndex<AuditDocument> {

    public static final String NAME = "changes";
    /** Entries never change once written: one version for all. */
    private static final long VERSION = 0;

    private final ChangeListIndex index;

    ChangeListIndexRebuild(ChangeListIndex index) {
        this.index = index;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String processingGroup() {
        return ChangeListIndexProjection.PROCESSING_GROUP;
    }

    @Override
    public TrackedIndex<?> index() {
        return index;
    }

    @Override
    public Class<AuditDocument> compared() {
        return AuditDocument.class;
    }

    @Override
    public TrackedIndexRebuild.Entry indexed(AuditDocument live) {
        ChangeRecord change = index.change(live.id);
        return change == null ? null : new TrackedIndexRebuild.Entry(VERSION, ChangeListIndex.document(change));
    }

    @Override
    public TrackedIndexRebuild.Expected expected(AuditDocument live) {
        return new TrackedIndexRebuild.Expected(
                new TrackedIndexRebuild.Entry(VERSION, ChangeListIndex.document(ChangeRecord.of(live))), true);
    }
}
