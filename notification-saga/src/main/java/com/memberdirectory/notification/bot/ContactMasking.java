package com.memberdirectory.notification.bot;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Masks contact values for messages that leave the directory: enough to recognise one's own number or address,
 * not enough to learn someone's. {@code john@example.com} becomes {@code j***@example.com}, {@code +8613800138000}
 * becomes {@code +86 138****8000}.
 */
public final class ContactMasking {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private ContactMasking() {
    }

    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return "(none)";
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** A phone number in E.164 form; anything else is masked as plain digits. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "(none)";
        }
        try {
            Phonenumber.PhoneNumber parsed = PHONES.parse(phone, "ZZ");
            String national = PHONES.getNationalSignificantNumber(parsed);
            return "+" + parsed.getCountryCode() + " " + digits(national);
        } catch (NumberParseException e) {
            return digits(phone.replaceAll("[^0-9]", ""));
        }
    }

    /** Keeps the first three and last four digits of long numbers, only the last two of short ones. */
    private static String digits(String digits) {
        if (digits.length() >= 9) {
            return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
        }
        if (digits.length() > 2) {
            return "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2);
        }
        return "*".repeat(digits.length());
    }
}
