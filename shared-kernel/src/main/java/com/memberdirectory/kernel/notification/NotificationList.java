package com.memberdirectory.kernel.notification;

import java.util.List;

/** Notifications, oldest first. */
public record NotificationList(List<NotificationView> items) {
}
