package com.memberdirectory.query.member;

import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import com.memberdirectory.query.search.TrackedIndexRebuild;
import org.springframework.context.annotation.Bean;
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
        // the stored member read once: the version the event ends is written from it, the next one folded on a copy
        MemberDocument previous = latest == null ? null : versions.member(latest);
        MemberDocument next;
        if (event instanceof MemberCreated created) {
            next = MemberFold.created(created, sequence, stamp);
        } else if (previous == null) {
            return;
        } else {
            next = previous.copy();
            MemberFold.apply(next, event, sequence, stamp);
        }
        versions.add(latest, previous, next, stamp);
    }

    @ResetHandler
    void reset() {
        versions.clear();
    }

    /**
     * The index of member versions as a replay rebuilds it ({@code asof}, docs/rebuilds.md): processor
     * {@code member-versions} reset to the first event; meanwhile the member and the member list as they were are
     * rebuilt by replaying the events ({@link MemberListReplay}, as for a new index). Compared with the member list:
     * every member's latest version in the index is the member list's document (offboarded members too), both folded
     * by {@link MemberFold}. The versions before the latest are not compared: the member list has only the latest.
     */
    @Bean
    static TrackedIndexRebuild.RebuiltIndex<MemberDocument> memberVersionsRebuild(MemberVersions versions) {
        return TrackedIndexRebuild.RebuiltIndex.mapped("asof", PROCESSING_GROUP, versions, MemberDocument.class,
                TrackedIndexRebuild.RebuiltIndex.eachOf(live -> {
                    MemberVersions.Latest latest = versions.latest(live.id);
                    return latest == null ? null : new TrackedIndexRebuild.Entry(latest.version(), versions.document(latest));
                }), live -> new TrackedIndexRebuild.Expected(new TrackedIndexRebuild.Entry(live.version, versions.document(live)), true));
    }
}
