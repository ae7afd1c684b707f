package com.memberdirectory.command.member;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The documented bounds of what a member record may hold (docs/limits.md). They sit well inside what every
 * consumer of a value can represent (the read models, JSON clients, the workbook export and Excel itself), so a
 * value that passes the rules never makes a projection or an export fail later.
 */
public final class ValueLimits {

    /** Dates (employment date, DATE custom fields): 1900-01-01 to 2100-12-31, the span Excel shows as dates. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    /**
     * NUMBER custom fields: at most 10^15 either side of zero and at most 20 decimal places. Beyond that a
     * plain-written number is no longer a few dozen digits ({@code 1e999999999} would be a billion).
     */
    public static final BigDecimal LARGEST_NUMBER = new BigDecimal("1e15");
    public static final int MAX_DECIMAL_PLACES = 20;
    /** A number as written (digits, sign, point, exponent) is short; longer input is refused before parsing. */
    public static final int MAX_NUMBER_TEXT = 64;

    /** Names, surname, first name, alias, city, seat ID, employee ID, user ID. */
    public static final int MAX_SHORT_TEXT = 64;
    /** TEXT custom fields. */
    public static final int MAX_LONG_TEXT = 1000;
    public static final int MAX_URL = 2000;
    public static final int MAX_EMAIL = 254;

    /** Distinct departments of one member. */
    public static final int MAX_DEPARTMENTS = 50;
    /** Distinct dotted-line managers of one member. */
    public static final int MAX_DOTTED_LINE_MANAGERS = 10;
    /** Distinct options chosen in one MULTI_OPTION field. */
    public static final int MAX_CHOSEN_OPTIONS = 100;

    private ValueLimits() {
    }
}
