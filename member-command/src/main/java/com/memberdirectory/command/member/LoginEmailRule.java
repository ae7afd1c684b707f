package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.util.Objects;

/**
 * Until its first sign-in a member signs in with the contact address its login email type names, so the login email
 * follows that address; from activation on the two are unlinked and the login email stays as it is
 * (docs/login-email.md).
 */
final class LoginEmailRule {

    private LoginEmailRule() {
    }

    /** Choosing {@code type} needs the address it names; only the business email may be missing. */
    static void checkChoosable(MemberRecord member, LoginEmailType type) {
        if (type == LoginEmailType.BUSINESS_EMAIL && member.businessEmail() == null) {
            throw new DomainRuleViolation(ErrorCode.BUSINESS_EMAIL_REQUIRED, "businessEmail",
                    "Give the member a business email before choosing it as the login email.");
        }
    }

    /**
     * The login email once the contact addresses change from {@code before} to {@code after}: the new address when
     * the one the member signs in with changed, else the login email as it was.
     *
     * @throws DomainRuleViolation business_email_required when the change clears the business email an inactive
     *                             member signs in with (it would be left without a login email)
     */
    static String follow(MemberRecord before, MemberRecord after) {
        if (before.status() != MemberStatus.INACTIVE) {
            return before.loginEmail();
        }
        if (before.loginEmailType() == LoginEmailType.BUSINESS_EMAIL) {
            // Only a change that clears it is refused: a member left without one by an earlier release stays editable.
            if (before.businessEmail() != null && after.businessEmail() == null) {
                throw new DomainRuleViolation(ErrorCode.BUSINESS_EMAIL_REQUIRED, "businessEmail",
                        "The member signs in with the business email until the first sign-in: choose the work email"
                                + " as the login email before clearing it.");
            }
            return followed(before.businessEmail(), after.businessEmail(), before.loginEmail());
        }
        return followed(before.workEmail(), after.workEmail(), before.loginEmail());
    }

    private static String followed(String before, String after, String loginEmail) {
        return Objects.equals(before, after) ? loginEmail : after;
    }
}
