package com.memberdirectory.notification.settings;

import com.memberdirectory.kernel.notification.ContactChangeNotificationSettings;

import java.time.Instant;

/** The contact-change notification settings at any instant, read from the settings aggregate's own events. */
public interface SettingsHistory {

    ContactChangeNotificationSettings at(Instant instant);

    ContactChangeNotificationSettings current();
}
