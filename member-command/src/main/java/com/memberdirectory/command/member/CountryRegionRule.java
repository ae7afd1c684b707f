package com.memberdirectory.command.member;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.util.Locale;
import java.util.Set;

/** A country or region is an ISO 3166-1 alpha-2 code such as {@code CN} or {@code DE}. */
public final class CountryRegionRule {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    /** @return the upper-case code, or null when blank (the field is cleared) */
    public String check(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String code = raw.strip().toUpperCase(Locale.ROOT);
        if (!CODES.contains(code)) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "countryRegion",
                    "'" + raw.strip() + "' is not an ISO 3166-1 alpha-2 country or region code.");
        }
        return code;
    }
}
