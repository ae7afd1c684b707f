package com.memberdirectory.kernel.notification;

/** Asks for the contact-change notification settings now in force; answers {@link ContactChangeNotificationSettings}. */
public record FindContactChangeNotificationSettings() {
}
