package com.memberdirectory.query.audit;

import com.memberdirectory.kernel.member.MemberEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

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
}
