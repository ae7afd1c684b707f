package com.memberdirectory.notification.settings;

import com.memberdirectory.kernel.notification.ChangeContactChangeNotificationSettings;
import com.memberdirectory.kernel.notification.ContactChangeNotificationSettings;
import com.memberdirectory.kernel.notification.ContactChangeNotificationSettingsChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class NotificationSettingsTest {

    private static final String ID = ContactChangeNotificationSettings.ID;
    private static final ContactChangeNotificationSettings NONE = ContactChangeNotificationSettings.NONE;
    private static final ContactChangeNotificationSettings PHONE = new ContactChangeNotificationSettings(true, false);

    private final AggregateTestFixture<NotificationSettings> fixture = new AggregateTestFixture<>(NotificationSettings.class);

    @Test
    void the_first_change_records_the_default_as_before() {
        fixture.givenNoPriorActivity()
                .when(new ChangeContactChangeNotificationSettings(ID, true, false))
                .expectEvents(new ContactChangeNotificationSettingsChanged(ID, NONE, PHONE))
                .expectResultMessagePayload(PHONE);
    }

    @Test
    void a_later_change_records_before_and_after() {
        fixture.given(new ContactChangeNotificationSettingsChanged(ID, NONE, PHONE))
                .when(new ChangeContactChangeNotificationSettings(ID, true, true))
                .expectEvents(new ContactChangeNotificationSettingsChanged(ID, PHONE, new ContactChangeNotificationSettings(true, true)));
    }

    @Test
    void choosing_what_is_already_chosen_records_nothing() {
        fixture.given(new ContactChangeNotificationSettingsChanged(ID, NONE, PHONE))
                .when(new ChangeContactChangeNotificationSettings(ID, true, false))
                .expectNoEvents()
                .expectResultMessagePayload(PHONE);
    }
}
