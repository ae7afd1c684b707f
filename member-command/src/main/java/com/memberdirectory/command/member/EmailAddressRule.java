package com.memberdirectory.command.member;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, when given, is a plausible {@code local@domain.tld} of at most 254 characters. */
public final class EmailAddressRule {

    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    /** @return the trimmed address, or null when blank (the field is cleared) */
    public String check(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String address = raw.strip();
        PlainTextRule.check(field, address);
        if (address.length() > ValueLimits.MAX_EMAIL || !ADDRESS.matcher(address).matches()) {
            throw new DomainRuleViolation(ErrorCode.INVALID_EMAIL, field, "'" + address + "' is not a valid email address.");
        }
        return address;
    }

    /** Email addresses are unique regardless of case. */
    public static String uniquenessKey(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
