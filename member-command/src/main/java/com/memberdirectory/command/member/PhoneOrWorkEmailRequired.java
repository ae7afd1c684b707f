package com.memberdirectory.command.member;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import com.memberdirectory.kernel.problem.FieldError;

import java.util.List;

/** A member must always be reachable: a phone number, a work email, or both. */
public final class PhoneOrWorkEmailRequired {

    public void check(String phone, String workEmail) {
        if (phone == null && workEmail == null) {
            String message = "A member needs a phone number or a work email.";
            throw new DomainRuleViolation(ErrorCode.PHONE_OR_WORK_EMAIL_REQUIRED, message,
                    List.of(new FieldError("phone", message), new FieldError("workEmail", message)));
        }
    }
}
