package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** A login password was set for the member ({@code generated}: made up by the system). The password and
 * its hash are never part of an event; the hash is kept in the credential store. */
@Revision("1")
public record LoginPasswordSet(MemberId memberId, boolean generated) implements MemberEvent {
}
