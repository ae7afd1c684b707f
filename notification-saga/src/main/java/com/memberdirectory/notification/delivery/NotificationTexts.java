package com.memberdirectory.notification.delivery;

import com.memberdirectory.notification.bot.ContactMasking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The words the member reads. Contact values appear masked only. */
final class NotificationTexts {

    private NotificationTexts() {
    }

    static String phoneChanged(String before, String after, Instant at, String by) {
        return "Your phone number was changed at " + at.truncatedTo(ChronoUnit.SECONDS) + " by " + by + ": "
                + ContactMasking.phone(before) + " -> " + ContactMasking.phone(after) + ".";
    }

    static String workEmailChanged(String before, String after, Instant at, String by) {
        return "Your work email was changed at " + at.truncatedTo(ChronoUnit.SECONDS) + " by " + by + ": "
                + ContactMasking.email(before) + " -> " + ContactMasking.email(after) + ".";
    }

    static String loginPassword(String password, Instant at, String by) {
        return "A login password was set for you at " + at.truncatedTo(ChronoUnit.SECONDS) + " by " + by
                + ". Your new password: " + password;
    }

    static String suspended(Instant at, String by) {
        return "Your account was suspended at " + at.truncatedTo(ChronoUnit.SECONDS) + " by " + by
                + ": you cannot sign in until it is resumed. Ask your administrator if you think this is a mistake.";
    }

    static String resumed(Instant at, String by) {
        return "Your account was resumed at " + at.truncatedTo(ChronoUnit.SECONDS) + " by " + by + ": you can sign in again.";
    }
}
