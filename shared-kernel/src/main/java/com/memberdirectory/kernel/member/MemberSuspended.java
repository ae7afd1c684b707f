package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/**
 * The member was suspended: they cannot sign in until resumed.
 *
 * @param before the status they had (INACTIVE or ACTIVE), to which resuming returns them
 */
@Revision("1")
public record MemberSuspended(MemberId memberId, MemberStatus before) implements MemberEvent {
}
