package com.memberdirectory.query.notification;

import com.memberdirectory.kernel.notification.NotificationEvent;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification log projects every event of the notifications' sealed family (the saga publishes them; no
 * aggregate folds them): a new one without a handler would leave the log showing a notification in an old state.
 */
class NotificationEventsTest {

    @Test
    void the_notification_log_projects_every_event_of_the_family() {
        assertThat(Arrays.stream(NotificationProjection.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventHandler.class))
                .map(Method::getParameterTypes).map(parameters -> parameters[0]))
                .containsExactlyInAnyOrder(NotificationEvent.class.getPermittedSubclasses());
    }
}
