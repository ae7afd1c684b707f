package com.memberdirectory.query.member;

import com.memberdirectory.kernel.member.FindMemberAsOf;
import com.memberdirectory.kernel.member.FindMemberHistory;
import com.memberdirectory.kernel.member.HistoryEntry;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberHistory;
import com.memberdirectory.kernel.member.MemberView;
import com.memberdirectory.kernel.metadata.MetadataKeys;
import com.memberdirectory.query.field.FieldLabels;
import com.memberdirectory.query.history.HistoryChanges;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

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

    MemberTimeline(EventStore events, FieldLabels labels) {
        this.events = events;
        this.labels = labels;
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

    private static String text(Object value) {
        return Objects.toString(value, null);
    }
}
