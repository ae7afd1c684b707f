package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

/**
 * The login rules (docs/login-email.md) for a spreadsheet row: a login password given in the row only makes sense
 * with the row choosing the business email for an inactive member, and is as strong as one given in the console.
 * Refused rather than ignored, so an administrator never believes a member got a password that was dropped.
 */
final class RowLoginPasswordRule {

    static final String FIELD = "loginPassword";

    private RowLoginPasswordRule() {
    }

    /**
     * @param password the row's password, or null when it gives none
     * @param type     the login method the row chooses, or null
     * @param status   the member's status
     */
    static void check(String password, LoginEmailType type, MemberStatus status, PasswordRule strength) {
        if (password == null) {
            return;
        }
        if (status == MemberStatus.ACTIVE) {
            throw new DomainRuleViolation(ErrorCode.MEMBER_ACTIVE, FIELD,
                    "The member is active: a login password can only be given while the member is inactive; leave it empty.");
        }
        if (type != LoginEmailType.BUSINESS_EMAIL) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, FIELD,
                    "A login password is only given with the Business email login type: choose it in the same row, "
                            + "or leave the password empty.");
        }
        strength.check(password, FIELD);
    }
}
