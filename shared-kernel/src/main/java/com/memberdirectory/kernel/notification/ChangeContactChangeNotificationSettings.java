package com.memberdirectory.kernel.notification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Choose which contact fields notify the member; answers the settings now in force. */
public record ChangeContactChangeNotificationSettings(@TargetAggregateIdentifier String settingsId,
                                                      boolean phoneNumber, boolean workEmail) {

    public static ChangeContactChangeNotificationSettings to(ContactChangeNotificationSettings settings) {
        return new ChangeContactChangeNotificationSettings(ContactChangeNotificationSettings.ID,
                settings.phoneNumber(), settings.workEmail());
    }
}
