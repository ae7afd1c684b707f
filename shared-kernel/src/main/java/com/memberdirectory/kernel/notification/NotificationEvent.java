package com.memberdirectory.kernel.notification;

/**
 * Every fact recorded about a notification to a member (published by the notification saga); the notification log
 * projects each of them. Sealed, so that the family is closed: a new event must be named here, and the test of its
 * consumer then fails until it handles the event.
 */
public sealed interface NotificationEvent permits
        NotificationCreated, NotificationDelivered, NotificationDeliveryFailed, NotificationFailed {
}
