package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.LoginEmailChanged;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.LoginMethodChosen;
import com.memberdirectory.kernel.member.LoginPasswordSet;
import com.memberdirectory.kernel.member.MemberId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginDecisionTest {

    private static final MemberId ANN = new MemberId("ann");
    private static final MemberRecord MEMBER = MemberRecord.NEW.withWorkEmail("ann@corp.example")
            .withBusinessEmail("ann@biz.example").withLoginEmail("ann@corp.example");

    @Test
    void no_decision_records_nothing() {
        assertThat(LoginDecision.NONE.events(ANN, MEMBER)).isEmpty();
    }

    @Test
    void choosing_the_business_email_records_the_method_the_address_and_the_password_in_that_order() {
        LoginDecision login = new LoginDecision(LoginEmailType.BUSINESS_EMAIL, "ann@biz.example", "Secret123", "Secret123");
        assertThat(login.events(ANN, MEMBER)).containsExactly(
                new LoginMethodChosen(ANN, LoginEmailType.WORK_EMAIL, LoginEmailType.BUSINESS_EMAIL),
                new LoginEmailChanged(ANN, "ann@corp.example", "ann@biz.example"),
                new LoginPasswordSet(ANN, true));
    }

    @Test
    void only_what_changes_is_recorded_and_a_given_password_is_not_marked_generated() {
        LoginDecision login = new LoginDecision(LoginEmailType.WORK_EMAIL, "ann@corp.example", "Secret123", null);
        assertThat(login.events(ANN, MEMBER)).containsExactly(new LoginPasswordSet(ANN, false));
        assertThat(new LoginDecision(LoginEmailType.WORK_EMAIL, "ann@corp.example", null, null).events(ANN, MEMBER))
                .isEmpty();
    }
}
