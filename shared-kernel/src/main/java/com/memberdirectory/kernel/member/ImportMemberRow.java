package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.access.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Apply one spreadsheet row to a member (an import, or the undo of one): the same rules as {@link UpdateMember},
 * plus the row's own. The row is recorded as applied in the same transaction as its events, so a row sent again
 * (an import resumed after a crash) changes nothing; a stale version is a conflict only when the row would change
 * something (importing the same file twice is harmless); a password generated for the row is kept for the
 * import's password file.
 *
 * @param expectedVersion the row's Version column (the version exported), or null
 * @param loginEmailType  the login method the row chooses too, or null; choosing the business email for a member
 *                        without a password generates one, unless {@code loginPassword} gives it
 * @param loginPassword   the login password the row gives with the business email, or null (none given)
 * @param row             the import (or undo) and the row this change comes from
 * @param actor           who imports: the member, before and after, must be within the actor's reach
 */
public record ImportMemberRow(@TargetAggregateIdentifier MemberId memberId,
                              Long expectedVersion,
                              MemberChanges changes,
                              LoginEmailType loginEmailType,
                              String loginPassword,
                              ImportRow row,
                              Actor actor) {

    /** Never prints the password (commands may end up in logs and exception messages). */
    @Override
    public String toString() {
        return "ImportMemberRow[memberId=" + memberId + ", expectedVersion=" + expectedVersion + ", changes=" + changes
                + ", loginEmailType=" + loginEmailType + ", loginPassword=" + (loginPassword == null ? "none" : "***")
                + ", row=" + row + ", actor=" + actor + "]";
    }
}
