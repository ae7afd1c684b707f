package com.memberdirectory.kernel.notification;

import com.memberdirectory.kernel.access.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Choose which contact fields notify the member; answers the settings now in force. */
public record ChangeContactChangeNotificationSettings(@TargetAggregateIdentifier String settingsId,
                                                      boolean phoneNumber, boolean workEmail, Actor actor) {

    public static ChangeContactChangeNotificationSettings to(ContactChangeNotificationSettings settings, Actor actor) {
        return new ChangeContactChangeNotificationSettings(ContactChangeNotificationSettings.ID,
                settings.phoneNumber(), settings.workEmail(), actor);
    }
}
