package com.memberdirectory.notification.settings;

import com.memberdirectory.kernel.notification.NotificationSettingsEvent;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings aggregate folds every event of its sealed family and nothing else (as {@code EventFamiliesTest}). */
class NotificationSettingsEventsTest {

    @Test
    void the_settings_fold_every_event_of_their_family() {
        assertThat(Arrays.stream(NotificationSettings.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventSourcingHandler.class))
                .map(Method::getParameterTypes).map(parameters -> parameters[0]))
                .containsExactlyInAnyOrder(NotificationSettingsEvent.class.getPermittedSubclasses());
    }
}
