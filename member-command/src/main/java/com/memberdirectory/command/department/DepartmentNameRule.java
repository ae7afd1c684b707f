package com.memberdirectory.command.department;

import com.memberdirectory.command.member.PlainTextRule;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

/**
 * A department name is required, at most 64 characters, plain text ({@link PlainTextRule}: exports and imports
 * match departments by path), and free of {@code /} and {@code ;}: paths are written {@code Sales/EMEA} and a
 * spreadsheet cell lists several paths separated by {@code ;}.
 */
public final class DepartmentNameRule {

    public String check(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw new DomainRuleViolation(ErrorCode.NAME_REQUIRED, "name", "A department name is required.");
        }
        if (name.length() > 64) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "name", "A department name has at most 64 characters.");
        }
        if (name.contains("/") || name.contains(";")) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "name", "A department name cannot contain '/' or ';'.");
        }
        return PlainTextRule.check("name", name);
    }
}
