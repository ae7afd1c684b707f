package com.memberdirectory.kernel.notification;

import org.axonframework.serialization.Revision;

/** An administrator chose which contact fields notify the member from now on. */
@Revision("1")
public record ContactChangeNotificationSettingsChanged(String settingsId,
                                                       ContactChangeNotificationSettings before,
                                                       ContactChangeNotificationSettings after)
        implements NotificationSettingsEvent {
}
