package com.memberdirectory.notification.bot;

import com.memberdirectory.kernel.notification.NotificationKind;

import java.time.Instant;

/** One message for the bot (docs/notifications.md, Messages). {@code text} may hold a secret: never log it. */
public record BotMessage(String notificationId, String memberId, String userId, NotificationKind kind, String text,
                         Instant occurredAt) {

    @Override
    public String toString() {
        return "BotMessage[notificationId=" + notificationId + ", kind=" + kind + "]";
    }
}
