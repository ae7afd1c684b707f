package com.memberdirectory.query.member;

import com.memberdirectory.kernel.member.FindMemberAsOf;
import com.memberdirectory.kernel.member.FindMemberHistory;
import com.memberdirectory.kernel.member.FindRecordedVersion;
import com.memberdirectory.kernel.member.HistoryEntry;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberHistory;
import com.memberdirectory.kernel.member.MemberView;
import com.memberdirectory.kernel.metadata.MetadataKeys;
import com.memberdirectory.kernel.member.ListMembersAsOf;
import com.memberdirectory.kernel.member.MemberPage;
import com.memberdirectory.query.department.DepartmentQueries;
import com.memberdirectory.query.field.FieldLabels;
import java.util.Set;
import com.memberdirectory.query.history.HistoryChanges;
import com.memberdirectory.query.search.IndexFreshness;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One member's past and the directory's: the history auditors see, read straight from the member's event stream,
 * and the member and the member list as they were at an instant, from the index of member versions
 * ({@link MemberVersions}; folded as the member list is) — or, while that index is being built, from the events.
 */
@Component
class MemberTimeline {

    /** Events of one member that are read rather than looked up in the index of member versions. */
    static final int SHORT_HISTORY = 200;

    private final EventStore events;
    private final FieldLabels labels;
    private final DepartmentQueries departments;
    private final AsOfLimits limits;
    private final MemberVersions versions;
    private final MemberListReplay replay;
    private final IndexFreshness freshness;

    MemberTimeline(EventStore events, FieldLabels labels, DepartmentQueries departments, AsOfLimits limits,
                   MemberVersions versions) {
        this.events = events;
        this.labels = labels;
        this.departments = departments;
        this.limits = limits;
        this.versions = versions;
        this.replay = new MemberListReplay(events, limits);
        this.freshness = new IndexFreshness(events, versions, "index of member versions",
                "the member list as it was is rebuilt by replaying the events");
    }

    /** The member's version as its event stream has it: the write side's, ahead of the member list's. */
    @QueryHandler
    Long recordedVersion(FindRecordedVersion query) {
        return events.lastSequenceNumberFor(query.memberId().value()).map(sequence -> sequence + 1).orElse(0L);
    }

    @QueryHandler
    MemberHistory history(FindMemberHistory query) {
        List<HistoryEntry> entries = new ArrayList<>();
        events.readEvents(query.memberId().value()).asStream()
                .filter(message -> message.getPayload() instanceof MemberEvent)
                .forEach(message -> entries.add(new HistoryEntry(
                        message.getIdentifier(),
                        message.getPayloadType().getSimpleName(),
                        message.getTimestamp(),
                        text(message.getMetaData().get(MetadataKeys.ACTOR)),
                        text(message.getMetaData().get(MetadataKeys.SOURCE)),
                        text(message.getMetaData().get(MetadataKeys.CORRELATION_ID)),
                        new HistoryChanges(labels).of((MemberEvent) message.getPayload()))));
        return new MemberHistory(entries);
    }

    /**
     * The member as it was at {@code asOf}. A member with a short history is rebuilt from its own events (in their
     * sequence, up to the first one stamped after {@code asOf}: fresh, and a few reads); one with a long history is
     * read from the index of member versions once that has every event stored when asked.
     */
    @QueryHandler
    MemberView asOf(FindMemberAsOf query) throws InterruptedException {
        String id = query.memberId().value();
        MemberVersions.Latest latest = versions.latest(id);
        MemberDocument document = latest != null && latest.version() > SHORT_HISTORY && freshness.indexIsCurrent()
                ? versions.asOf(id, query.asOf())
                : replay.member(id, query.asOf());
        return document == null ? null : document.toView(labels);
    }

    /**
     * A page of the members that existed at {@code asOf}, sorted like the member list: from the index of member
     * versions once it has every event stored when asked (within {@link AsOfLimits}' number of members), else by
     * replaying the event store ({@link MemberListReplay}, within all of {@link AsOfLimits}).
     */
    @QueryHandler
    MemberPage listAsOf(ListMembersAsOf query) throws InterruptedException {
        Set<String> departments = query.departmentId() == null ? null : Set.copyOf(this.departments.subtreeOf(query.departmentId()));
        AsOfPage page;
        if (freshness.indexIsCurrent()) {
            page = versions.page(query.asOf(), departments, (long) query.page() * query.size(), query.size());
            limits.start(System::nanoTime).check((int) Math.min(Integer.MAX_VALUE, page.total()));
        } else {
            page = replay.page(query.asOf(), departments, query.page(), query.size());
        }
        return new MemberPage(page.items().stream().map(d -> d.toView(labels)).toList(), query.page(), query.size(),
                page.total());
    }

    private static String text(Object value) {
        return Objects.toString(value, null);
    }
}
