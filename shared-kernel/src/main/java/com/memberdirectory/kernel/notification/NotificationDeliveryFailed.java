package com.memberdirectory.kernel.notification;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Attempt number {@code attempt} to hand the notification to the bot failed; the next one is due at {@code nextAttemptAt}. */
@Revision("1")
public record NotificationDeliveryFailed(String notificationId, int attempt, String error, Instant nextAttemptAt)
        implements NotificationEvent {
}
