package com.memberdirectory.query.notification;

import com.memberdirectory.kernel.notification.NotificationKind;
import com.memberdirectory.kernel.notification.NotificationStatus;
import com.memberdirectory.kernel.notification.NotificationView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One notification's delivery state (collection {@code notifications}), owned by {@link NotificationProjection}. */
@Document("notifications")
class NotificationDocument {

    @Id
    String notificationId;
    String memberId;
    NotificationKind kind;
    NotificationStatus status;
    int attempts;
    String lastError;
    Instant createdAt;

    NotificationView toView() {
        return new NotificationView(notificationId, memberId, kind, status, attempts, lastError, createdAt);
    }
}
