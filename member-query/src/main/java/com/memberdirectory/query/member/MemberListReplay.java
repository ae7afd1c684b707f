package com.memberdirectory.query.member;

import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.query.search.MemberMatcher;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The member list as it was at an instant, rebuilt by replaying the whole event store: every member event stamped at
 * or before the instant, in the order the events were stored. It keeps every member that existed then in memory and
 * costs one pass over the store, within {@link AsOfLimits}. What answers while the index of member versions
 * ({@link MemberVersions}) is being built, and the plain definition that index is tested against.
 */
final class MemberListReplay {

    /**
     * How long after it was stamped an event is in the store at the latest. The store's order is the order of
     * commits, not of time stamps: an event stamped earlier may be stored after one stamped later (another thread,
     * another instance, a longer transaction). So the replay does not stop at the first event stamped after
     * {@code asOf}; it skips such events and stops only once the events are stamped this much later.
     */
    static final Duration STORED_WITHIN = Duration.ofMinutes(1);

    /** List order: by name, then by id, both by Unicode code point. */
    static final Comparator<MemberDocument> ORDER = Comparator
            .comparing((MemberDocument d) -> d.name, Comparator.nullsFirst(MemberMatcher::byCodePoint))
            .thenComparing(d -> d.id, MemberMatcher::byCodePoint);

    private final EventStore events;
    private final AsOfLimits limits;

    MemberListReplay(EventStore events, AsOfLimits limits) {
        this.events = events;
        this.limits = limits;
    }

    /** Every member that existed at {@code asOf} (offboarded ones too), by id. */
    Map<String, MemberDocument> members(Instant asOf) {
        Map<String, MemberDocument> members = new HashMap<>();
        AsOfLimits.Replay replay = limits.start(System::nanoTime);
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            while (stream.hasNextAvailable()) {
                replay.check(members.size());
                TrackedEventMessage<?> message = stream.nextAvailable();
                if (message.getTimestamp().isAfter(asOf)) {
                    if (message.getTimestamp().isAfter(asOf.plus(STORED_WITHIN))) {
                        break;
                    }
                    continue;
                }
                if (!(message instanceof DomainEventMessage<?> domain) || !(message.getPayload() instanceof MemberEvent event)) {
                    continue;
                }
                if (event instanceof MemberCreated created) {
                    members.put(created.memberId().value(), MemberFold.created(created, domain.getSequenceNumber(),
                            domain.getTimestamp()));
                } else {
                    MemberDocument document = members.get(event.memberId().value());
                    if (document != null) {
                        MemberFold.apply(document, event, domain.getSequenceNumber(), domain.getTimestamp());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", e);
        }
        replay.check(members.size());
        return members;
    }

    /**
     * One member as it was at {@code asOf}, from its own events: in their sequence, up to the first one stamped after
     * {@code asOf}; null if it did not exist then.
     */
    MemberDocument member(String id, Instant asOf) {
        MemberDocument document = null;
        DomainEventStream stream = events.readEvents(id);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getTimestamp().isAfter(asOf)) {
                break;
            }
            if (message.getPayload() instanceof MemberCreated created) {
                document = MemberFold.created(created, message.getSequenceNumber(), message.getTimestamp());
            } else if (document != null && message.getPayload() instanceof MemberEvent event) {
                MemberFold.apply(document, event, message.getSequenceNumber(), message.getTimestamp());
            }
        }
        return document;
    }

    /** The page of {@code asOf}'s member list, of the members in one of {@code departments} if not null. */
    AsOfPage page(Instant asOf, Set<String> departments, int page, int size) {
        return page(members(asOf).values(), departments, page, size);
    }

    /**
     * A page of the listed members — offboarded members had left the directory (docs/lifecycle.md) — of those in one
     * of {@code departments} if not null, in list order.
     */
    static AsOfPage page(Collection<MemberDocument> members, Set<String> departments, int page, int size) {
        List<MemberDocument> matching = members.stream()
                .filter(d -> d.status != MemberStatus.OFFBOARDED)
                .filter(d -> departments == null || d.departmentIds != null && d.departmentIds.stream().anyMatch(departments::contains))
                .sorted(ORDER)
                .toList();
        return new AsOfPage(matching.stream().skip((long) page * size).limit(size).toList(), matching.size());
    }
}
