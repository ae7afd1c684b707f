package com.memberdirectory.notification.settings;

import com.memberdirectory.kernel.notification.ContactChangeNotificationSettings;

import java.time.Instant;
import java.util.List;

/**
 * The settings as they changed over time: which were in force at a given instant. A change made at the very
 * instant of a member event counts as already in force.
 */
public final class SettingsTimeline {

    /** The settings chosen at {@code since}. */
    public record Entry(Instant since, ContactChangeNotificationSettings settings) {
    }

    private final List<Entry> entries;

    /** @param entries the changes in the order they were made */
    public SettingsTimeline(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public ContactChangeNotificationSettings at(Instant instant) {
        ContactChangeNotificationSettings inForce = ContactChangeNotificationSettings.NONE;
        for (Entry entry : entries) {
            if (entry.since().isAfter(instant)) {
                break;
            }
            inForce = entry.settings();
        }
        return inForce;
    }

    public ContactChangeNotificationSettings latest() {
        return entries.isEmpty() ? ContactChangeNotificationSettings.NONE : entries.get(entries.size() - 1).settings();
    }
}
