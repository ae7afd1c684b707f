package com.memberdirectory.kernel.notification;

/**
 * Which contact fields notify the member when an administrator changes them (docs/notifications.md); both off by
 * default.
 */
public record ContactChangeNotificationSettings(boolean phoneNumber, boolean workEmail) {

    /** The aggregate identifier of the one settings aggregate. */
    public static final String ID = "contact-change-notifications";

    public static final ContactChangeNotificationSettings NONE = new ContactChangeNotificationSettings(false, false);

    public boolean selects(NotificationKind kind) {
        return switch (kind) {
            case PHONE_NUMBER_CHANGED -> phoneNumber;
            case WORK_EMAIL_CHANGED -> workEmail;
            case LOGIN_PASSWORD_SET, MEMBER_SUSPENDED, MEMBER_RESUMED -> true;
        };
    }
}
