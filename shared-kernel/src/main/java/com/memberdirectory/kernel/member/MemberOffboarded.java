package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/**
 * The member left the directory: hidden from lists, searches and exports, their unique values free for others, their
 * login disabled, their record closed to changes. Their history stays.
 *
 * @param before the status they had (INACTIVE, ACTIVE or SUSPENDED)
 */
@Revision("1")
public record MemberOffboarded(MemberId memberId, MemberStatus before) implements MemberEvent {
}
