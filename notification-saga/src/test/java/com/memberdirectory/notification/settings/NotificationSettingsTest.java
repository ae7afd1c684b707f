package com.memberdirectory.notification.settings;

import com.memberdirectory.kernel.access.Actor;
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
                .when(new ChangeContactChangeNotificationSettings(ID, true, false, Actor.organization("admin")))
                .expectEvents(new ContactChangeNotificationSettingsChanged(ID, NONE, PHONE))
                .expectResultMessagePayload(PHONE);
    }

    @Test
    void a_later_change_records_before_and_after() {
        fixture.given(new ContactChangeNotificationSettingsChanged(ID, NONE, PHONE))
                .when(new ChangeContactChangeNotificationSettings(ID, true, true, Actor.organization("admin")))
                .expectEvents(new ContactChangeNotificationSettingsChanged(ID, PHONE, new ContactChangeNotificationSettings(true, true)));
    }

    @Test
    void choosing_what_is_already_chosen_records_nothing() {
        fixture.given(new ContactChangeNotificationSettingsChanged(ID, NONE, PHONE))
                .when(new ChangeContactChangeNotificationSettings(ID, true, false, Actor.organization("admin")))
                .expectNoEvents()
                .expectResultMessagePayload(PHONE);
    }

    @Test
    void only_an_admin_of_the_whole_organization_changes_the_settings() {
        for (Actor actor : java.util.List.of(Actor.departments("sam", java.util.Set.of("sales")), Actor.none("mia"))) {
            fixture.givenNoPriorActivity()
                    .when(new ChangeContactChangeNotificationSettings(ID, true, false, actor))
                    .expectNoEvents()
                    .expectException(com.memberdirectory.kernel.problem.DomainRuleViolation.class);
        }
    }
}
