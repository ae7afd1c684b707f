package com.memberdirectory.notification.password;

import com.memberdirectory.kernel.member.MemberId;

import java.util.Optional;

/**
 * Carries a new login password from the command that set it to the bot, and nowhere else: events, logs and read
 * models never see it. The password is kept sealed ({@link PasswordSeal}), first under the member (written in the
 * command's transaction), then under the notification that claimed it, and is discarded once the notification
 * is delivered or given up.
 */
public interface PasswordOutbox {

    /** Keeps {@code password} for the member until a notification claims it; replaces one not yet claimed. */
    void put(MemberId memberId, String password);

    /** Moves the member's waiting password to the notification; false when none is waiting. */
    boolean claim(MemberId memberId, String notificationId);

    /** The password of the notification, when it is still there and can be opened. */
    Optional<String> open(String notificationId);

    void discard(String notificationId);

    /** No bot to deliver to: passwords are not kept at all. */
    PasswordOutbox NONE = new PasswordOutbox() {
        @Override
        public void put(MemberId memberId, String password) {
        }

        @Override
        public boolean claim(MemberId memberId, String notificationId) {
            return false;
        }

        @Override
        public Optional<String> open(String notificationId) {
            return Optional.empty();
        }

        @Override
        public void discard(String notificationId) {
        }
    };
}
