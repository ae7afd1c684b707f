package com.memberdirectory.kernel.notification;

import java.time.Instant;

/** One notification as the delivery log shows it. */
public record NotificationView(String notificationId, String memberId, NotificationKind kind, NotificationStatus status,
                               int attempts, String lastError, Instant createdAt) {
}
