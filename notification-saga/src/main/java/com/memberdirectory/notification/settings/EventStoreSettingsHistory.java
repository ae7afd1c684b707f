package com.memberdirectory.notification.settings;

import com.memberdirectory.kernel.notification.ContactChangeNotificationSettings;
import com.memberdirectory.kernel.notification.ContactChangeNotificationSettingsChanged;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the settings stream from the event store each time it is asked. The stream is short (one event per
 * change of the settings) and the event store is the only place that is never behind, so a decision taken
 * now and the same decision taken again on a replay see the same history.
 */
@Component
class EventStoreSettingsHistory implements SettingsHistory {

    private final EventStore eventStore;

    EventStoreSettingsHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public ContactChangeNotificationSettings at(Instant instant) {
        return timeline().at(instant);
    }

    @Override
    public ContactChangeNotificationSettings current() {
        return timeline().latest();
    }

    private SettingsTimeline timeline() {
        List<SettingsTimeline.Entry> entries = new ArrayList<>();
        eventStore.readEvents(ContactChangeNotificationSettings.ID).asStream()
                .filter(message -> message.getPayload() instanceof ContactChangeNotificationSettingsChanged)
                .forEach(message -> entries.add(new SettingsTimeline.Entry(message.getTimestamp(),
                        ((ContactChangeNotificationSettingsChanged) message.getPayload()).after())));
        return new SettingsTimeline(entries);
    }
}
