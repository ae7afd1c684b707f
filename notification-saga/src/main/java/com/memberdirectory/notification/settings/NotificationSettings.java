package com.memberdirectory.notification.settings;

import com.memberdirectory.kernel.access.DirectoryWideChanges;
import com.memberdirectory.kernel.notification.ChangeContactChangeNotificationSettings;
import com.memberdirectory.kernel.notification.ContactChangeNotificationSettings;
import com.memberdirectory.kernel.notification.ContactChangeNotificationSettingsChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The one set of contact-change notification settings (identifier {@link ContactChangeNotificationSettings#ID}).
 * Its event stream is also the history that tells which fields were selected at any past instant.
 */
@Aggregate
public class NotificationSettings {

    @AggregateIdentifier
    private String settingsId;
    private ContactChangeNotificationSettings current = ContactChangeNotificationSettings.NONE;

    protected NotificationSettings() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ContactChangeNotificationSettings handle(ChangeContactChangeNotificationSettings command) {
        DirectoryWideChanges.requireOrganizationWide(command.actor(), "Changing the notification settings");
        ContactChangeNotificationSettings wanted = new ContactChangeNotificationSettings(command.phoneNumber(),
                command.workEmail());
        if (!wanted.equals(current) || settingsId == null) {
            apply(new ContactChangeNotificationSettingsChanged(command.settingsId(), current, wanted));
        }
        return wanted;
    }

    @EventSourcingHandler
    void on(ContactChangeNotificationSettingsChanged event) {
        settingsId = event.settingsId();
        current = event.after();
    }
}
