package com.memberdirectory.app.notification;

import java.util.List;
import java.util.UUID;

/** {@link NotificationRestartScenario} on the embedded default: deadlines in db-scheduler's table. */
class NotificationRestartTest extends NotificationRestartScenario {

    private final String folder = "target/it-notification-restart-" + UUID.randomUUID();

    @Override
    List<String> storeProperties() {
        return List.of("directory.embedded-store.path=" + folder);
    }
}
