package com.memberdirectory.app.http.notification;

import com.memberdirectory.app.http.ApiException;
import com.memberdirectory.kernel.access.Viewer;
import com.memberdirectory.kernel.member.MemberIds;
import com.memberdirectory.kernel.member.MembersInDepartments;
import java.util.Set;
import com.memberdirectory.app.http.ReadModel;
import com.memberdirectory.app.security.AdminAccess;
import com.memberdirectory.kernel.notification.ChangeContactChangeNotificationSettings;
import com.memberdirectory.kernel.notification.ContactChangeNotificationSettings;
import com.memberdirectory.kernel.notification.FindContactChangeNotificationSettings;
import com.memberdirectory.kernel.notification.ListNotifications;
import com.memberdirectory.kernel.notification.NotificationKind;
import com.memberdirectory.kernel.notification.NotificationList;
import com.memberdirectory.kernel.notification.NotificationStatus;
import com.memberdirectory.kernel.notification.NotificationView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Which contact changes notify members, and what became of each notification. Administrators only. */
@RestController
class NotificationController {

    /** Body and answer of {@code /api/settings/contact-change-notifications}. */
    record SettingsBody(boolean phoneNumber, boolean workEmail) {
        static SettingsBody of(ContactChangeNotificationSettings settings) {
            return new SettingsBody(settings.phoneNumber(), settings.workEmail());
        }
    }

    record NotificationResponse(String notificationId, String memberId, NotificationKind kind, NotificationStatus status,
                                int attempts, String lastError, Instant createdAt) {
        static NotificationResponse of(NotificationView view) {
            return new NotificationResponse(view.notificationId(), view.memberId(), view.kind(), view.status(),
                    view.attempts(), view.lastError(), view.createdAt());
        }
    }

    record NotificationsResponse(List<NotificationResponse> items) {
    }

    private final CommandGateway commands;
    private final ReadModel readModel;
    private final AdminAccess access;

    NotificationController(CommandGateway commands, ReadModel readModel, AdminAccess access) {
        this.commands = commands;
        this.readModel = readModel;
        this.access = access;
    }

    @GetMapping("/api/settings/contact-change-notifications")
    SettingsBody settings() {
        access.requireAdmin();
        return SettingsBody.of(readModel.ask(new FindContactChangeNotificationSettings(),
                ContactChangeNotificationSettings.class));
    }

    /** Answers what the settings aggregate now holds, which the next GET reads from the same event stream. */
    @PutMapping("/api/settings/contact-change-notifications")
    SettingsBody changeSettings(@RequestBody SettingsBody body) {
        ContactChangeNotificationSettings now = commands.sendAndWait(ChangeContactChangeNotificationSettings.to(
                new ContactChangeNotificationSettings(body.phoneNumber(), body.workEmail()), access.actor()));
        return SettingsBody.of(now);
    }

    @GetMapping("/api/notifications")
    NotificationsResponse notifications(@RequestParam(required = false) String memberId) {
        Viewer viewer = access.adminViewer();
        Set<String> onlyMembers = viewer.isOrganizationWide() ? null
                : readModel.ask(new MembersInDepartments(viewer.departmentIds()), MemberIds.class).ids();
        if (memberId != null && onlyMembers != null && !onlyMembers.contains(memberId)) {
            throw ApiException.forbidden("This member is outside the departments you administer.");
        }
        return new NotificationsResponse(readModel.ask(new ListNotifications(memberId, onlyMembers), NotificationList.class).items()
                .stream().map(NotificationResponse::of).toList());
    }
}
