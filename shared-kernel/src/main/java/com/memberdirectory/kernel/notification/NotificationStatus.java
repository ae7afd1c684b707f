package com.memberdirectory.kernel.notification;

/** Where a notification stands: waiting or retrying, accepted by the bot, or given up after the last attempt. */
public enum NotificationStatus {
    PENDING,
    DELIVERED,
    FAILED
}
