package com.memberdirectory.query.member;

import com.memberdirectory.query.search.TrackedIndex;
import com.memberdirectory.query.search.TrackedIndexRebuild;
import org.springframework.stereotype.Component;

/**
 * The index of member versions as a replay rebuilds it ({@link TrackedIndexRebuild}): processor
 * {@code member-versions} reset to the first event; meanwhile the member and the member list as they were are
 * rebuilt by replaying the events ({@link MemberListReplay}, as for a new index). Compared with the member list: every
 * member's latest version in the index is the member list's document (offboarded members too), both folded by
 * {@link MemberFold}. The versions before the latest are not compared: the member list has only the latest.
 */
@Component
public class MemberVersionsRebuild implements TrackedIndexRebuild.RebuiltIndex<MemberDocument> {

    public static final String NAME = "asof";

    private final MemberVersions versions;

    MemberVersionsRebuild(MemberVersions versions) {
        this.versions = versions;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String processingGroup() {
        return MemberVersionProjection.PROCESSING_GROUP;
    }

    @Override
    public TrackedIndex<?> index() {
        return versions;
    }

    @Override
    public Class<MemberDocument> compared() {
        return MemberDocument.class;
    }

    @Override
    public TrackedIndexRebuild.Entry indexed(MemberDocument live) {
        MemberVersions.Latest latest = versions.latest(live.id);
        return latest == null ? null : new TrackedIndexRebuild.Entry(latest.version(), versions.document(latest));
    }

    @Override
    public TrackedIndexRebuild.Expected expected(MemberDocument live) {
        return new TrackedIndexRebuild.Expected(new TrackedIndexRebuild.Entry(live.version, versions.document(live)), true);
    }
}
