package com.memberdirectory.notification.settings;

import com.memberdirectory.kernel.notification.ContactChangeNotificationSettings;
import com.memberdirectory.kernel.notification.NotificationKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsTimelineTest {

    private static final Instant T1 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-01T11:00:00Z");
    private static final ContactChangeNotificationSettings PHONE = new ContactChangeNotificationSettings(true, false);
    private static final ContactChangeNotificationSettings EMAIL = new ContactChangeNotificationSettings(false, true);

    private final SettingsTimeline timeline = new SettingsTimeline(List.of(
            new SettingsTimeline.Entry(T1, PHONE), new SettingsTimeline.Entry(T2, EMAIL)));

    @Test
    void before_any_change_nothing_is_selected() {
        assertThat(timeline.at(T1.minusMillis(1))).isEqualTo(ContactChangeNotificationSettings.NONE);
        assertThat(new SettingsTimeline(List.of()).latest()).isEqualTo(ContactChangeNotificationSettings.NONE);
    }

    @Test
    void a_change_is_in_force_from_its_instant_until_the_next_one() {
        assertThat(timeline.at(T1)).isEqualTo(PHONE);
        assertThat(timeline.at(T2.minusMillis(1)).selects(NotificationKind.PHONE_NUMBER_CHANGED)).isTrue();
        assertThat(timeline.at(T2.minusMillis(1)).selects(NotificationKind.WORK_EMAIL_CHANGED)).isFalse();
        assertThat(timeline.at(T2)).isEqualTo(EMAIL);
    }

    @Test
    void a_change_made_after_a_member_event_does_not_reach_back_to_it() {
        assertThat(timeline.at(T1.plusSeconds(5)).selects(NotificationKind.WORK_EMAIL_CHANGED)).isFalse();
        assertThat(timeline.latest()).isEqualTo(EMAIL);
    }
}
