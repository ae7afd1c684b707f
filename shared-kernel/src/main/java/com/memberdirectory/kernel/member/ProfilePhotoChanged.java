package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/** The member's profile photo changed; the ids name stored image files ({@code null}: no photo). */
@Revision("1")
public record ProfilePhotoChanged(MemberId memberId, String before, String after, String contentType, long size)
        implements MemberEvent {
}
