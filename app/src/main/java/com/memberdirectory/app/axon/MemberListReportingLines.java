package com.memberdirectory.app.axon;

import com.memberdirectory.command.member.ReportingLines;
import com.memberdirectory.kernel.member.FindReports;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberIds;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who reports to a member, read from the member list for the offboarding (docs/lifecycle.md). Asked inside the
 * offboarding command, on the command's thread (the query bus answers in the caller's thread). A change of manager
 * answered over HTTP is in the list before it is answered (read-your-writes), so the list is at least as recent as
 * anything an administrator has seen; each member found decides on its own state.
 */
@Component
class MemberListReportingLines implements ReportingLines {

    private final QueryGateway queries;

    MemberListReportingLines(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Set<MemberId> reportsOf(MemberId manager) {
        MemberIds reports = queries.query(new FindReports(manager), ResponseTypes.instanceOf(MemberIds.class)).join();
        return reports.ids().stream().map(MemberId::new).collect(Collectors.toUnmodifiableSet());
    }
}
