package com.memberdirectory.kernel.notification;

import org.axonframework.serialization.Revision;

/** The bot accepted the notification (a 2xx answer) at attempt number {@code attempts}. */
@Revision("1")
public record NotificationDelivered(String notificationId, int attempts) implements NotificationEvent {
}
