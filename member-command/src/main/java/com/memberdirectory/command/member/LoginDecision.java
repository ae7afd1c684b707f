package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.FieldChange;
import com.memberdirectory.kernel.member.LoginEmailChanged;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.LoginMethodChosen;
import com.memberdirectory.kernel.member.LoginPasswordSet;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The login-method policy: what choosing a login method means for a member — the new type, login email and password
 * ({@code generated}: the password was made up here, to be shown once).
 */
record LoginDecision(LoginEmailType type, String loginEmail, String password, String generated) {

    static final LoginDecision NONE = new LoginDecision(null, null, null, null);

    List<FieldChange> changes(MemberRecord before) {
        List<FieldChange> changes = new ArrayList<>();
        if (type != null && type != before.loginEmailType()) {
            changes.add(new FieldChange("loginEmailType", before.loginEmailType(), type));
        }
        if (type != null && !Objects.equals(loginEmail, before.loginEmail())) {
            changes.add(new FieldChange("loginEmail", before.loginEmail(), loginEmail));
        }
        if (password != null) {
            changes.add(new FieldChange("hasLoginPassword", before.hasLoginPassword(), true));
        }
        return changes;
    }

    /** The events that record this decision for a member whose record is {@code before}; none without a type. */
    List<MemberEvent> events(MemberId member, MemberRecord before) {
        List<MemberEvent> events = new ArrayList<>();
        if (type != null && type != before.loginEmailType()) {
            events.add(new LoginMethodChosen(member, before.loginEmailType(), type));
        }
        if (type != null && !Objects.equals(loginEmail, before.loginEmail())) {
            events.add(new LoginEmailChanged(member, before.loginEmail(), loginEmail));
        }
        if (type != null && password != null) {
            events.add(new LoginPasswordSet(member, generated != null));
        }
        return events;
    }

    /**
     * Only while inactive; BUSINESS_EMAIL needs a business email and a password — given, generated on request
     * ({@code generate}), or generated because the member has none ({@code generateIfMissing}, as a spreadsheet row
     * asks). See docs/login-email.md.
     */
    static LoginDecision decide(MemberRecord member, LoginEmailType type, String password, boolean generate,
                                boolean generateIfMissing, MemberPolicies rules) {
        if (member.status() == MemberStatus.ACTIVE) {
            // A spreadsheet row repeats the login type it was exported with: harmless when it is unchanged.
            if (generateIfMissing && type == member.loginEmailType()) {
                return LoginDecision.NONE;
            }
            throw new DomainRuleViolation(ErrorCode.MEMBER_ACTIVE, "loginEmailType",
                    "The login method can only be chosen while the member is inactive.");
        }
        String generated = null;
        if (password != null) {
            rules.password().check(password);
        } else if (generate || generateIfMissing && type == LoginEmailType.BUSINESS_EMAIL && !member.hasLoginPassword()) {
            generated = rules.password().generate();
            password = generated;
        }
        String loginEmail;
        if (type == LoginEmailType.BUSINESS_EMAIL) {
            LoginEmailRule.checkChoosable(member, type);
            if (password == null && !member.hasLoginPassword()) {
                throw new DomainRuleViolation(ErrorCode.WEAK_PASSWORD, "password",
                        "Signing in with the business email needs a login password: set one or ask for a generated one.");
            }
            loginEmail = member.businessEmail();
        } else {
            loginEmail = member.workEmail();
        }
        return new LoginDecision(type, loginEmail, password, generated);
    }
}
