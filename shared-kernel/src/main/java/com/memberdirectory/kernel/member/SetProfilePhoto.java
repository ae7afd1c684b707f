package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.access.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give a member a new profile photo. The image was checked and stored before the command is sent (decoding and
 * storing it on the command writer would hold up every other write), so the command names the stored file.
 *
 * @param photoId     id of the stored image file
 * @param contentType its media type, {@code image/png} or {@code image/jpeg}
 * @param size        its length in bytes
 * @param sha256      lower-case hex SHA-256 of its bytes: the same image again records nothing
 */
public record SetProfilePhoto(@TargetAggregateIdentifier MemberId memberId, Long expectedVersion, String photoId,
                              String contentType, long size, String sha256, Actor actor) {
}
