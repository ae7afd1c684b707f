package com.memberdirectory.query.member;

import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the index of member versions ({@link MemberVersions}): each member event makes a new version of the member,
 * folded as the member list folds it ({@link MemberFold}). Idempotent like the member list: an event the member's
 * latest version has seen is ignored, so the events applied again after a crash change nothing.
 */
@Component
@ProcessingGroup(MemberVersionProjection.PROCESSING_GROUP)
class MemberVersionProjection {

    static final String PROCESSING_GROUP = "member-versions";

    private final MemberVersions versions;

    MemberVersionProjection(MemberVersions versions) {
        this.versions = versions;
    }

    @EventHandler
    void on(MemberEvent event, @SequenceNumber long sequence, @Timestamp Instant stamp) {
        MemberVersions.Latest latest = versions.latest(event.memberId().value());
        if (latest != null && latest.version() > sequence) {
            return;
        }
        MemberDocument next;
        if (event instanceof MemberCreated created) {
            next = MemberFold.created(created, sequence);
        } else if (latest == null) {
            return;
        } else {
            next = versions.member(latest);
            MemberFold.apply(next, event, sequence);
        }
        versions.add(latest, next, stamp);
    }

    @ResetHandler
    void reset() {
        versions.clear();
    }
}
