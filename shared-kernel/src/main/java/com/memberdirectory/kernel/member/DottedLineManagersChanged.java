package com.memberdirectory.kernel.member;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The member's dotted-line managers changed. */
@Revision("1")
public record DottedLineManagersChanged(MemberId memberId, List<MemberId> before, List<MemberId> after)
        implements MemberEvent {
}
