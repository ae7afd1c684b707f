package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.MemberId;

import java.util.Set;

/**
 * Who reports to a member, for the offboarding (docs/lifecycle.md). Implemented by the application from the member
 * list: each member found is then asked, on its own current state, to drop the offboarded manager
 * ({@link com.memberdirectory.kernel.member.DropOffboardedManager}), so one listed by a list that is a moment behind
 * changes nothing.
 */
public interface ReportingLines {

    /** The members, not offboarded, whose direct or dotted-line manager is {@code manager}. */
    Set<MemberId> reportsOf(MemberId manager);
}
