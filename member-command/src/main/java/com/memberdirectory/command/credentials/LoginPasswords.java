package com.memberdirectory.command.credentials;

import com.memberdirectory.kernel.member.MemberId;

/**
 * Where login passwords go: only a strong hash is kept, outside the event store (events never hold
 * secrets), in the same transaction as the command's events where the store allows it.
 */
public interface LoginPasswords {

    /** Hashes {@code password} and keeps the hash as the member's login password. */
    void store(MemberId memberId, String password);
}
