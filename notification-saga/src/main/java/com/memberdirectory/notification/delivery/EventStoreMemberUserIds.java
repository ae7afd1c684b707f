package com.memberdirectory.notification.delivery;

import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.UserIdChanged;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Folds the member's own events up to the notified one, so the answer is the same now and on any replay —
 * the member list, by contrast, may be behind or ahead of the saga.
 */
@Component
class EventStoreMemberUserIds implements MemberUserIds {

    private final EventStore eventStore;

    EventStoreMemberUserIds(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<String> userIdAt(MemberId memberId, long sequenceNumber) {
        String userId = null;
        DomainEventStream stream = eventStore.readEvents(memberId.value());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() > sequenceNumber) {
                break;
            }
            Object payload = message.getPayload();
            if (payload instanceof MemberCreated created) {
                userId = created.userId();
            } else if (payload instanceof UserIdChanged changed) {
                userId = changed.after();
            }
        }
        return Optional.ofNullable(userId);
    }
}
