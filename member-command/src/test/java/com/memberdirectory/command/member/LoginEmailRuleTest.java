package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static com.memberdirectory.command.ViolationMatcher.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LoginEmailRuleTest {

    private static final String WORK = "ann@x.com";
    private static final String BUSINESS = "ann@corp.example";

    /** An inactive member signing in with its work email, with a business email too. */
    private static final MemberRecord BY_WORK_EMAIL = MemberRecord.NEW.withWorkEmail(WORK).withBusinessEmail(BUSINESS)
            .withLoginEmail(WORK);
    private static final MemberRecord BY_BUSINESS_EMAIL = BY_WORK_EMAIL.withLoginEmailType(LoginEmailType.BUSINESS_EMAIL)
            .withLoginEmail(BUSINESS);

    @Test
    void an_inactive_member_signing_in_with_the_work_email_follows_its_changes_only() {
        assertThat(LoginEmailRule.follow(BY_WORK_EMAIL, BY_WORK_EMAIL.withWorkEmail("ann.lee@x.com"))).isEqualTo("ann.lee@x.com");
        assertThat(LoginEmailRule.follow(BY_WORK_EMAIL, BY_WORK_EMAIL.withBusinessEmail("lee@corp.example"))).isEqualTo(WORK);
        assertThat(LoginEmailRule.follow(BY_WORK_EMAIL, BY_WORK_EMAIL.withBusinessEmail(null))).isEqualTo(WORK);
        assertThat(LoginEmailRule.follow(BY_WORK_EMAIL, BY_WORK_EMAIL.withCity("Oslo"))).isEqualTo(WORK);
    }

    @Test
    void clearing_the_work_email_of_a_member_reachable_by_phone_leaves_no_login_email() {
        assertThat(LoginEmailRule.follow(BY_WORK_EMAIL, BY_WORK_EMAIL.withWorkEmail(null))).isNull();
    }

    @Test
    void an_inactive_member_signing_in_with_the_business_email_follows_its_changes_only() {
        assertThat(LoginEmailRule.follow(BY_BUSINESS_EMAIL, BY_BUSINESS_EMAIL.withBusinessEmail("lee@corp.example")))
                .isEqualTo("lee@corp.example");
        assertThat(LoginEmailRule.follow(BY_BUSINESS_EMAIL, BY_BUSINESS_EMAIL.withWorkEmail("ann.lee@x.com"))).isEqualTo(BUSINESS);
        assertThat(LoginEmailRule.follow(BY_BUSINESS_EMAIL, BY_BUSINESS_EMAIL.withWorkEmail(null))).isEqualTo(BUSINESS);
    }

    @Test
    void the_business_email_an_inactive_member_signs_in_with_cannot_be_cleared() {
        DomainRuleViolation refused = catchThrowableOfType(DomainRuleViolation.class,
                () -> LoginEmailRule.follow(BY_BUSINESS_EMAIL, BY_BUSINESS_EMAIL.withBusinessEmail(null)));
        assertThat(violation(ErrorCode.BUSINESS_EMAIL_REQUIRED, "businessEmail").matches(refused)).as(String.valueOf(refused))
                .isTrue();
    }

    @Test
    void a_member_left_without_the_business_email_it_signs_in_with_stays_editable() {
        MemberRecord without = BY_BUSINESS_EMAIL.withBusinessEmail(null);
        assertThat(LoginEmailRule.follow(without, without.withCity("Oslo"))).isEqualTo(BUSINESS);
        assertThat(LoginEmailRule.follow(without, without.withBusinessEmail("lee@corp.example"))).isEqualTo("lee@corp.example");
    }

    @Test
    void after_activation_the_login_email_follows_nothing() {
        MemberRecord byWork = BY_WORK_EMAIL.withStatus(MemberStatus.ACTIVE);
        MemberRecord byBusiness = BY_BUSINESS_EMAIL.withStatus(MemberStatus.ACTIVE);
        assertThat(LoginEmailRule.follow(byWork, byWork.withWorkEmail("ann.lee@x.com"))).isEqualTo(WORK);
        assertThat(LoginEmailRule.follow(byBusiness, byBusiness.withBusinessEmail("lee@corp.example"))).isEqualTo(BUSINESS);
        assertThat(LoginEmailRule.follow(byBusiness, byBusiness.withBusinessEmail(null))).isEqualTo(BUSINESS);
    }

    @Test
    void the_business_email_can_be_chosen_only_when_the_member_has_one() {
        MemberRecord without = BY_WORK_EMAIL.withBusinessEmail(null);
        assertThatCode(() -> LoginEmailRule.checkChoosable(BY_WORK_EMAIL, LoginEmailType.BUSINESS_EMAIL)).doesNotThrowAnyException();
        assertThatCode(() -> LoginEmailRule.checkChoosable(without, LoginEmailType.WORK_EMAIL)).doesNotThrowAnyException();
        DomainRuleViolation refused = catchThrowableOfType(DomainRuleViolation.class,
                () -> LoginEmailRule.checkChoosable(without, LoginEmailType.BUSINESS_EMAIL));
        assertThat(violation(ErrorCode.BUSINESS_EMAIL_REQUIRED, "businessEmail").matches(refused)).as(String.valueOf(refused))
                .isTrue();
    }
}
