package com.memberdirectory.kernel.notification;

import org.axonframework.serialization.Revision;

/** The last allowed attempt failed too: the notification is given up. */
@Revision("1")
public record NotificationFailed(String notificationId, int attempts, String lastError) implements NotificationEvent {
}
