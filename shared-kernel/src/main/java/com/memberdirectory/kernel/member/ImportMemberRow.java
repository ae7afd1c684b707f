package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.access.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Apply one spreadsheet row to a member (an import, or the undo of one): the same rules as {@link UpdateMember},
 * plus the row's own. The row is recorded as applied in the same transaction as its events, so a row sent again
 * (an import resumed after a crash) changes nothing; a stale version is a conflict only when the row would change
 * something (importing the same file twice is harmless); a password generated for the row is kept for the
 * import's password file. Its dry run is {@link PreviewMemberRow}.
 *
 * @param row   the import (or undo) and the row this change comes from
 * @param actor who imports: the member, before and after, must be within the actor's reach
 */
public record ImportMemberRow(@TargetAggregateIdentifier MemberId memberId, RowValues values, ImportRow row,
                              Actor actor) {
}
