package com.memberdirectory.query.notification;

import com.memberdirectory.kernel.notification.NotificationCreated;
import com.memberdirectory.kernel.notification.NotificationDelivered;
import com.memberdirectory.kernel.notification.NotificationDeliveryFailed;
import com.memberdirectory.kernel.notification.NotificationFailed;
import com.memberdirectory.kernel.notification.NotificationStatus;
import com.memberdirectory.query.support.DocumentBatch;
import com.memberdirectory.query.support.ProcessingGroups;
import com.memberdirectory.query.replay.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.util.List;

import java.time.Instant;

/**
 * The delivery log. Every event carries absolute values (attempt numbers, final states), so handling one again
 * after a crash leaves the same document; a final state is never turned back into PENDING.
 */
@Component
@ProcessingGroup(NotificationProjection.PROCESSING_GROUP)
class NotificationProjection {

    static final String PROCESSING_GROUP = ProcessingGroups.DIRECTORY;

    private final MongoTemplate mongo;

    NotificationProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(NotificationCreated event, @Timestamp Instant createdAt) {
        if (batch().find(event.notificationId()) != null) {
            return;
        }
        NotificationDocument document = new NotificationDocument();
        document.notificationId = event.notificationId();
        document.memberId = event.memberId().value();
        document.kind = event.kind();
        document.status = NotificationStatus.PENDING;
        document.createdAt = createdAt;
        batch().save(document);
    }

    @EventHandler
    void on(NotificationDeliveryFailed event) {
        NotificationDocument document = batch().find(event.notificationId());
        if (document != null && document.status == NotificationStatus.PENDING && document.attempts < event.attempt()) {
            document.attempts = event.attempt();
            document.lastError = event.error();
            batch().save(document);
        }
    }

    @EventHandler
    void on(NotificationDelivered event) {
        NotificationDocument document = batch().find(event.notificationId());
        if (document != null) {
            document.status = NotificationStatus.DELIVERED;
            document.attempts = event.attempts();
            batch().save(document);
        }
    }

    @EventHandler
    void on(NotificationFailed event) {
        NotificationDocument document = batch().find(event.notificationId());
        if (document != null) {
            document.status = NotificationStatus.FAILED;
            document.attempts = event.attempts();
            document.lastError = event.lastError();
            batch().save(document);
        }
    }

    /**
     * The notification log's collection, for rebuilds (docs/rebuilds.md): the log of what the saga decided and the
     * deliveries reported, rebuilt from those events — the saga itself is not run again, so nothing is sent.
     */
    @Bean
    static ReadModel notificationsReadModel() {
        return new ReadModel("notifications", PROCESSING_GROUP, List.of(NotificationDocument.class),
                shadow -> new NotificationProjection(shadow.mongo()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(NotificationDocument.class);
    }

    private DocumentBatch<NotificationDocument> batch() {
        return DocumentBatch.current(mongo, NotificationDocument.class, d -> d.notificationId, written -> {
        });
    }
}
