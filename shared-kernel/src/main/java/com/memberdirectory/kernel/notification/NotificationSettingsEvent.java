package com.memberdirectory.kernel.notification;

/**
 * Every fact recorded about the notification settings; the {@code NotificationSettings} aggregate folds each of
 * them. Sealed, so that the family is closed: a new event must be named here, and the test of its consumer then
 * fails until it handles the event.
 */
public sealed interface NotificationSettingsEvent permits ContactChangeNotificationSettingsChanged {
}
