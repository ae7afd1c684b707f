package com.memberdirectory.kernel.notification;

/** The delivery log of one member's notifications (all members when {@code memberId} is null); answers {@link NotificationList}. */
public record ListNotifications(String memberId) {
}
