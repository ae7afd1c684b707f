package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

/**
 * The member's profile photo changed; the ids name stored image files ({@code null}: no photo).
 *
 * @param sha256 hex SHA-256 of the new image's bytes, so a repeated upload of the same image can record nothing;
 *               {@code null} in revision-1 events, which did not carry it
 */
@Revision("2")
public record ProfilePhotoChanged(MemberId memberId, String before, String after, String contentType, long size,
                                  String sha256)
        implements MemberEvent {
}
