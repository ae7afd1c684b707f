package com.memberdirectory.command.member;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

/** A member's name is required: 1–64 characters after trimming. */
public final class NameRule {

    static final int MAX_LENGTH = 64;

    public String check(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw new DomainRuleViolation(ErrorCode.NAME_REQUIRED, "name", "A name is required.");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "name",
                    "A name has at most " + MAX_LENGTH + " characters.");
        }
        return name;
    }
}
