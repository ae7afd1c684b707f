package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The member's country or region (ISO 3166-1 alpha-2) changed. */
@Revision("1")
public record CountryRegionChanged(MemberId memberId, String before, String after) implements MemberEvent {
}
