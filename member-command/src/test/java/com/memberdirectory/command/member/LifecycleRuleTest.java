package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.FieldChange;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberOffboarded;
import com.memberdirectory.kernel.member.MemberResumed;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberSuspended;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleRuleTest {

    private static final MemberId ANN = new MemberId("ann");
    private final LifecycleRule rule = new LifecycleRule();

    @Test
    void suspending_records_the_status_shown_before_and_reports_the_change() {
        LifecycleRule.StatusChange change = rule.suspension(ANN, MemberStatus.ACTIVE).orElseThrow();
        assertThat(change.event()).isEqualTo(new MemberSuspended(ANN, MemberStatus.ACTIVE));
        assertThat(change.change()).isEqualTo(new FieldChange("status", MemberStatus.ACTIVE, MemberStatus.SUSPENDED));
        assertThat(rule.suspension(ANN, MemberStatus.SUSPENDED)).isEmpty();
        offboarded(() -> rule.suspension(ANN, MemberStatus.OFFBOARDED));
    }

    @Test
    void resuming_returns_to_the_activation_and_changes_nothing_for_a_member_not_suspended() {
        LifecycleRule.StatusChange change = rule.resumption(ANN, MemberStatus.SUSPENDED, MemberStatus.INACTIVE).orElseThrow();
        assertThat(change.event()).isEqualTo(new MemberResumed(ANN, MemberStatus.INACTIVE));
        assertThat(change.change()).isEqualTo(new FieldChange("status", MemberStatus.SUSPENDED, MemberStatus.INACTIVE));
        assertThat(rule.resumption(ANN, MemberStatus.ACTIVE, MemberStatus.ACTIVE)).isEmpty();
        offboarded(() -> rule.resumption(ANN, MemberStatus.OFFBOARDED, MemberStatus.ACTIVE));
    }

    @Test
    void offboarding_records_the_status_shown_before_and_changes_nothing_the_second_time() {
        LifecycleRule.StatusChange change = rule.offboarding(ANN, MemberStatus.SUSPENDED).orElseThrow();
        assertThat(change.event()).isEqualTo(new MemberOffboarded(ANN, MemberStatus.SUSPENDED));
        assertThat(change.change()).isEqualTo(new FieldChange("status", MemberStatus.SUSPENDED, MemberStatus.OFFBOARDED));
        assertThat(rule.offboarding(ANN, MemberStatus.OFFBOARDED)).isEmpty();
    }

    private static void offboarded(Runnable decision) {
        assertThatThrownBy(decision::run).isInstanceOfSatisfying(DomainRuleViolation.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MEMBER_OFFBOARDED));
    }
}
