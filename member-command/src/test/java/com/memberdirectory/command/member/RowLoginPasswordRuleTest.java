package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import com.memberdirectory.kernel.problem.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowLoginPasswordRuleTest {

    private final PasswordRule strength = new PasswordRule();

    @Test
    void a_row_without_password_is_left_to_the_login_decision() {
        assertThatCode(() -> RowLoginPasswordRule.check(null, LoginEmailType.BUSINESS_EMAIL, MemberStatus.ACTIVE, strength))
                .doesNotThrowAnyException();
        assertThatCode(() -> RowLoginPasswordRule.check(null, null, MemberStatus.INACTIVE, strength)).doesNotThrowAnyException();
    }

    @Test
    void a_strong_password_with_the_business_email_for_an_inactive_member_passes() {
        assertThatCode(() -> RowLoginPasswordRule.check("Secret123", LoginEmailType.BUSINESS_EMAIL, MemberStatus.INACTIVE,
                strength)).doesNotThrowAnyException();
    }

    @Test
    void a_weak_password_is_refused_on_the_login_password_field_without_echoing_it() {
        refused("secretsecret", LoginEmailType.BUSINESS_EMAIL, MemberStatus.INACTIVE, ErrorCode.WEAK_PASSWORD);
        refused("abc123", LoginEmailType.BUSINESS_EMAIL, MemberStatus.INACTIVE, ErrorCode.WEAK_PASSWORD);
    }

    @Test
    void a_password_without_choosing_the_business_email_is_refused() {
        refused("Secret123", null, MemberStatus.INACTIVE, ErrorCode.INVALID_VALUE);
        refused("Secret123", LoginEmailType.WORK_EMAIL, MemberStatus.INACTIVE, ErrorCode.INVALID_VALUE);
    }

    @Test
    void a_password_for_an_active_member_is_refused() {
        refused("Secret123", LoginEmailType.BUSINESS_EMAIL, MemberStatus.ACTIVE, ErrorCode.MEMBER_ACTIVE);
    }

    private void refused(String password, LoginEmailType type, MemberStatus status, ErrorCode code) {
        assertThatThrownBy(() -> RowLoginPasswordRule.check(password, type, status, strength))
                .isInstanceOfSatisfying(DomainRuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo(code);
                    assertThat(v.errors()).extracting(FieldError::field).containsExactly("loginPassword");
                    assertThat(v.getMessage()).doesNotContain(password);
                });
    }
}
