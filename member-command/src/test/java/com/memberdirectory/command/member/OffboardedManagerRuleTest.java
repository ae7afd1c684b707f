package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OffboardedManagerRuleTest {

    private static final MemberId GONE = new MemberId("gone");
    private static final MemberId OTHER = new MemberId("other");

    @Test
    void the_offboarded_manager_is_dropped_as_direct_and_as_dotted_line_manager() {
        MemberRecord member = MemberRecord.NEW.withManagerId(GONE).withDottedLineManagerIds(List.of(OTHER, GONE));
        MemberRecord after = OffboardedManagerRule.drop(member, MemberStatus.ACTIVE, GONE);
        assertThat(after.managerId()).isNull();
        assertThat(after.dottedLineManagerIds()).containsExactly(OTHER);
    }

    @Test
    void other_managers_stay_and_a_missing_dotted_line_list_becomes_empty() {
        MemberRecord member = MemberRecord.NEW.withManagerId(OTHER).withDottedLineManagerIds(null);
        MemberRecord after = OffboardedManagerRule.drop(member, MemberStatus.SUSPENDED, GONE);
        assertThat(after.managerId()).isEqualTo(OTHER);
        assertThat(after.dottedLineManagerIds()).isEmpty();
    }

    @Test
    void an_offboarded_member_keeps_their_record_as_it_is() {
        MemberRecord member = MemberRecord.NEW.withManagerId(GONE).withDottedLineManagerIds(List.of(GONE));
        assertThat(OffboardedManagerRule.drop(member, MemberStatus.OFFBOARDED, GONE)).isSameAs(member);
    }
}
