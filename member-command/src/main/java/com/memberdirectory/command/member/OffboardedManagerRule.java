package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberStatus;

import java.util.List;

/**
 * A member's direct or dotted-line manager was offboarded (docs/lifecycle.md): the member no longer has that manager.
 * Decided on the member's own record, so a member who changed managers meanwhile, or was offboarded, keeps it as it is.
 */
final class OffboardedManagerRule {

    private OffboardedManagerRule() {
    }

    /**
     * @param member the member's record
     * @param shown  the status the member shows
     * @param gone   the offboarded manager
     * @return the record without {@code gone} as direct or dotted-line manager
     */
    static MemberRecord drop(MemberRecord member, MemberStatus shown, MemberId gone) {
        if (shown == MemberStatus.OFFBOARDED) {
            return member;
        }
        List<MemberId> dotted = member.dottedLineManagerIds() == null ? List.of() : member.dottedLineManagerIds();
        return member
                .withManagerId(gone.equals(member.managerId()) ? null : member.managerId())
                .withDottedLineManagerIds(dotted.stream().filter(id -> !id.equals(gone)).toList());
    }
}
