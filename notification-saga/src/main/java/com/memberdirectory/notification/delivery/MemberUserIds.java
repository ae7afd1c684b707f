package com.memberdirectory.notification.delivery;

import com.memberdirectory.kernel.member.MemberId;

import java.util.Optional;

/** The user ID a member had at a point of their history: whom the bot addresses, and whether a change was their own. */
public interface MemberUserIds {

    /** The user ID after the member's events up to and including {@code sequenceNumber}. */
    Optional<String> userIdAt(MemberId memberId, long sequenceNumber);
}
