package com.memberdirectory.command.member;

import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.kernel.member.ImportMemberRow;
import com.memberdirectory.kernel.member.ImportRow;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.PreviewMemberRow;
import com.memberdirectory.kernel.member.RowValues;
import com.memberdirectory.kernel.member.UpdateMember;

/** The command a write sends, as the import runner chooses it: a row's dry run, a row, or (no row) a console edit. */
final class MemberRows {

    private MemberRows() {
    }

    static Object command(MemberId member, Long version, MemberChanges changes, LoginEmailType loginType,
                          String loginPassword, ImportRow row, boolean dryRun, Actor actor) {
        RowValues values = new RowValues(version, changes, loginType, loginPassword);
        if (dryRun) {
            return new PreviewMemberRow(member, values, actor);
        }
        if (row != null) {
            return new ImportMemberRow(member, values, row, actor);
        }
        if (loginType != null || loginPassword != null) {
            throw new IllegalArgumentException("a login method is chosen by a row or by ChooseLoginMethod");
        }
        return new UpdateMember(member, version, changes, actor);
    }
}
