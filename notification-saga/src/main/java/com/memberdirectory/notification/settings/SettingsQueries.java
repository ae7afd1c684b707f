package com.memberdirectory.notification.settings;

import com.memberdirectory.kernel.notification.ContactChangeNotificationSettings;
import com.memberdirectory.kernel.notification.FindContactChangeNotificationSettings;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the settings now in force, straight from the event store (so a change is visible at once). */
@Component
class SettingsQueries {

    private final SettingsHistory history;

    SettingsQueries(SettingsHistory history) {
        this.history = history;
    }

    @QueryHandler
    ContactChangeNotificationSettings find(FindContactChangeNotificationSettings query) {
        return history.current();
    }
}
