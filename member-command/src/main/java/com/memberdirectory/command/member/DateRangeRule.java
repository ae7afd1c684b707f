package com.memberdirectory.command.member;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.time.LocalDate;

/**
 * A date (employment date, DATE custom fields) lies between {@link ValueLimits#EARLIEST_DATE} and
 * {@link ValueLimits#LATEST_DATE}. ISO dates reach year 999,999,999; a read model storing such a date as an
 * instant overflowed and stopped the member list for everyone.
 */
public final class DateRangeRule {

    /** @return the date, or null when none is given (the field is cleared) */
    public LocalDate check(String field, LocalDate date) {
        if (date != null && (date.isBefore(ValueLimits.EARLIEST_DATE) || date.isAfter(ValueLimits.LATEST_DATE))) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, field, "'" + field + "' is " + date
                    + "; a date lies between " + ValueLimits.EARLIEST_DATE + " and " + ValueLimits.LATEST_DATE + ".");
        }
        return date;
    }
}
