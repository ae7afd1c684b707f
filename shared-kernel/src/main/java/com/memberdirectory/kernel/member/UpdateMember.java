package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.access.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change some fields of a member at once: one atomic change, one event per changed concern.
 *
 * @param expectedVersion from {@code If-Match} or a spreadsheet's Version column; null: the latest. From a
 *                        spreadsheet, a stale version is a conflict only when the row would change something
 *                        (importing the same file twice is harmless)
 * @param loginEmailType  the login method to choose too (spreadsheet column), or null; choosing the business
 *                        email for a member without a password generates one, unless {@code loginPassword} gives it
 * @param loginPassword   the login password a spreadsheet row gives with the business email, or null (none given)
 * @param importRow       the spreadsheet row this change comes from, or null
 * @param dryRun          check everything and answer the preview, change nothing
 * @param actor           who changes the member: the member, before and after, must be within the actor's reach
 */
public record UpdateMember(@TargetAggregateIdentifier MemberId memberId,
                           Long expectedVersion,
                           MemberChanges changes,
                           LoginEmailType loginEmailType,
                           String loginPassword,
                           ImportRow importRow,
                           boolean dryRun,
                           Actor actor) {

    public UpdateMember(MemberId memberId, Long expectedVersion, MemberChanges changes, Actor actor) {
        this(memberId, expectedVersion, changes, null, null, null, false, actor);
    }

    /** Never prints the password (commands may end up in logs and exception messages). */
    @Override
    public String toString() {
        return "UpdateMember[memberId=" + memberId + ", expectedVersion=" + expectedVersion + ", changes=" + changes
                + ", loginEmailType=" + loginEmailType + ", loginPassword=" + (loginPassword == null ? "none" : "***")
                + ", importRow=" + importRow + ", dryRun=" + dryRun + ", actor=" + actor + "]";
    }
}
