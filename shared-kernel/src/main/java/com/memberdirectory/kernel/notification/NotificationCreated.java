package com.memberdirectory.kernel.notification;

import com.memberdirectory.kernel.member.MemberId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A notification for a member was created because of the event {@code causeEventId} (its {@code notificationId}
 * is derived from that event, so the same cause never makes two notifications). Holds no message text: a
 * password notification's text is a secret.
 */
@Revision("1")
public record NotificationCreated(String notificationId, MemberId memberId, String userId, NotificationKind kind,
                                  String causeEventId, Instant occurredAt) implements NotificationEvent {
}
