package com.memberdirectory.query.member;

import com.memberdirectory.kernel.member.FindMemberAsOf;
import com.memberdirectory.kernel.member.FindMemberHistory;
import com.memberdirectory.kernel.member.HistoryEntry;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberHistory;
import com.memberdirectory.kernel.member.MemberView;
import com.memberdirectory.kernel.metadata.MetadataKeys;
import com.memberdirectory.kernel.member.ListMembersAsOf;
import com.memberdirectory.kernel.member.MemberPage;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.query.department.DepartmentQueries;
import com.memberdirectory.query.field.FieldLabels;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import com.memberdirectory.query.history.HistoryChanges;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One member's past, read straight from its event stream: the history auditors see, and the member as it
 * was at an instant (rebuilt with the same fold as the member list).
 */
@Component
class MemberTimeline {

    private final EventStore events;
    private final FieldLabels labels;
    private final DepartmentQueries departments;
    private final AsOfLimits limits;

    MemberTimeline(EventStore events, FieldLabels labels, DepartmentQueries departments, AsOfLimits limits) {
        this.events = events;
        this.labels = labels;
        this.departments = departments;
        this.limits = limits;
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

    @QueryHandler
    MemberView asOf(FindMemberAsOf query) {
        MemberDocument document = null;
        DomainEventStream stream = events.readEvents(query.memberId().value());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getTimestamp().isAfter(query.asOf())) {
                break;
            }
            if (message.getPayload() instanceof MemberCreated created) {
                document = MemberFold.created(created, message.getSequenceNumber());
            } else if (document != null && message.getPayload() instanceof MemberEvent event) {
                MemberFold.apply(document, event, message.getSequenceNumber());
            }
        }
        return document == null ? null : document.toView(labels);
    }

    /**
     * How long after it was stamped an event is in the store at the latest. The store's order is the order of
     * commits, not of time stamps: an event stamped earlier may be stored after one stamped later (another thread,
     * another instance, a longer transaction). So the replay does not stop at the first event stamped after
     * {@code asOf}; it skips such events and stops only once the events are stamped this much later.
     */
    static final Duration STORED_WITHIN = Duration.ofMinutes(1);

    /**
     * Replays, in the order they were stored, the member events stamped at or before {@code asOf} and answers a
     * page of the members that existed then, sorted like the member list. Costs one pass over the event store up to
     * {@link #STORED_WITHIN} past {@code asOf}, within {@link AsOfLimits}.
     */
    @QueryHandler
    MemberPage listAsOf(ListMembersAsOf query) {
        Map<String, MemberDocument> members = new HashMap<>();
        AsOfLimits.Replay replay = limits.start(System::nanoTime);
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            while (stream.hasNextAvailable()) {
                replay.check(members.size());
                TrackedEventMessage<?> message = stream.nextAvailable();
                if (message.getTimestamp().isAfter(query.asOf())) {
                    if (message.getTimestamp().isAfter(query.asOf().plus(STORED_WITHIN))) {
                        break;
                    }
                    continue;
                }
                if (!(message instanceof DomainEventMessage<?> domain) || !(message.getPayload() instanceof MemberEvent event)) {
                    continue;
                }
                if (event instanceof MemberCreated created) {
                    members.put(created.memberId().value(), MemberFold.created(created, domain.getSequenceNumber()));
                } else {
                    MemberDocument document = members.get(event.memberId().value());
                    if (document != null) {
                        MemberFold.apply(document, event, domain.getSequenceNumber());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", e);
        }
        replay.check(members.size());
        Set<String> departments = query.departmentId() == null ? null : Set.copyOf(this.departments.subtreeOf(query.departmentId()));
        List<MemberDocument> matching = members.values().stream()
                .filter(d -> d.status != MemberStatus.OFFBOARDED) // had left the directory by then (docs/lifecycle.md)
                .filter(d -> departments == null || d.departmentIds != null && d.departmentIds.stream().anyMatch(departments::contains))
                .sorted(Comparator.comparing((MemberDocument d) -> d.name == null ? "" : d.name).thenComparing(d -> d.id))
                .toList();
        List<MemberView> items = matching.stream().skip((long) query.page() * query.size()).limit(query.size())
                .map(d -> d.toView(labels)).toList();
        return new MemberPage(items, query.page(), query.size(), matching.size());
    }

    private static String text(Object value) {
        return Objects.toString(value, null);
    }
}
