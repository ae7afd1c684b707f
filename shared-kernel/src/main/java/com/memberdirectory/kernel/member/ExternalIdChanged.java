package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The identifier an identity provider knows the member by (SCIM {@code externalId}, docs/scim.md) changed. */
@Revision("1")
public record ExternalIdChanged(MemberId memberId, String before, String after) implements MemberEvent {
}
