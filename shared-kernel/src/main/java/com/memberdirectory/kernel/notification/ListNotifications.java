package com.memberdirectory.kernel.notification;

import java.util.Set;

/**
 * The delivery log of one member's notifications (all members when {@code memberId} is null); answers
 * {@link NotificationList}.
 *
 * @param onlyMembers the members whose notifications the reader may see; null: everyone's
 */
public record ListNotifications(String memberId, Set<String> onlyMembers) {

    public ListNotifications {
        onlyMembers = onlyMembers == null ? null : Set.copyOf(onlyMembers);
    }
}
