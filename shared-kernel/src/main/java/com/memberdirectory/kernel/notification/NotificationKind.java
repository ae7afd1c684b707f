package com.memberdirectory.kernel.notification;

/** What a notification tells the member. */
public enum NotificationKind {
    PHONE_NUMBER_CHANGED,
    WORK_EMAIL_CHANGED,
    LOGIN_PASSWORD_SET,
    /** The member was suspended (docs/lifecycle.md). */
    MEMBER_SUSPENDED,
    /** The member's suspension was lifted. */
    MEMBER_RESUMED
}
