package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MemberRecordDefaultsTest {

    @Test
    void a_record_before_the_first_event_is_inactive_unspecified_signs_in_with_the_work_email_and_holds_nothing_else() {
        assertThat(MemberRecord.NEW).isEqualTo(new MemberRecord(MemberStatus.INACTIVE, null, null, null, null, null, null,
                null, null, false, Gender.UNSPECIFIED, List.of(), null, null, null, null, null, null, null, List.of(),
                LoginEmailType.WORK_EMAIL, null, false, null, null, null, null, null, Map.of()));
    }
}
