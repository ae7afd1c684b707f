package com.memberdirectory.command.member;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.util.Locale;

/**
 * A phone number, when given, must be a valid number; it is stored in E.164 form. Numbers written without
 * {@code +} are read in the configured default region.
 */
public final class PhoneNumberRule {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public PhoneNumberRule(String defaultRegion) {
        String region = defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!util.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("Unknown default phone region '" + defaultRegion + "'");
        }
        this.defaultRegion = region;
    }

    /** @return the E.164 form, or null when blank (the field is cleared) */
    public String check(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        try {
            Phonenumber.PhoneNumber number = util.parse(text, defaultRegion);
            if (util.isValidNumber(number)) {
                return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // reported below with the same message as a number that parses but cannot exist
        }
        throw new DomainRuleViolation(ErrorCode.INVALID_PHONE, "phone", "'" + text + "' is not a valid phone number.");
    }
}
