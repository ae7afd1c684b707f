package com.memberdirectory.app.credentials;

import com.memberdirectory.command.credentials.LoginPasswords;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.notification.password.PasswordOutbox;

/**
 * Keeps the hash as before and, in the same transaction, hands the plain password sealed to the outbox that the
 * notification saga delivers from — the only way a password reaches the member's bot without passing through an
 * event, a log line or a read model.
 */
public class OutboxLoginPasswords implements LoginPasswords {

    private final LoginPasswords hashes;
    private final PasswordOutbox outbox;

    public OutboxLoginPasswords(LoginPasswords hashes, PasswordOutbox outbox) {
        this.hashes = hashes;
        this.outbox = outbox;
    }

    @Override
    public void store(MemberId memberId, String password) {
        hashes.store(memberId, password);
        outbox.put(memberId, password);
    }
}
