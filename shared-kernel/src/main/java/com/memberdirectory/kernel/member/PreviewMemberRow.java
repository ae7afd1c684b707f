package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.access.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The dry run of {@link ImportMemberRow}: decides the row by the same rules and answers the changes it would make
 * ({@link MemberWritten#changes()}), refusing it as the import would; records nothing, and takes no lock and no
 * claim of the lookup table (a unique value is checked to be free, not claimed).
 *
 * @param actor who previews: the member, before and after, must be within the actor's reach
 */
public record PreviewMemberRow(@TargetAggregateIdentifier MemberId memberId, RowValues values, Actor actor) {
}
