package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.access.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a member a new profile photo (PNG or JPEG bytes as uploaded). */
public record SetProfilePhoto(@TargetAggregateIdentifier MemberId memberId, Long expectedVersion, byte[] content,
                              String contentType, Actor actor) {

    @Override
    public String toString() {
        return "SetProfilePhoto[memberId=" + memberId + ", contentType=" + contentType + ", bytes="
                + (content == null ? 0 : content.length) + ", actor=" + actor + "]";
    }
}
