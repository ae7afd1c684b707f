package com.memberdirectory.command.member;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.security.SecureRandom;

/** A login password has at least 8 characters with letters and digits; generated ones have 16. */
public final class PasswordRule {

    static final int MIN_LENGTH = 8;
    private static final String LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private final SecureRandom random = new SecureRandom();

    public void check(String password) {
        check(password, "password");
    }

    /** @param field the field the error names: where the caller took the password from */
    public void check(String password, String field) {
        if (password == null || password.length() < MIN_LENGTH
                || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw new DomainRuleViolation(ErrorCode.WEAK_PASSWORD, field,
                    "A login password has at least " + MIN_LENGTH + " characters, with letters and digits.");
        }
    }

    /** A random password of 16 letters and digits, with at least one of each. */
    public String generate() {
        String alphabet = LETTERS + DIGITS;
        char[] password = new char[16];
        for (int i = 0; i < password.length; i++) {
            password[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        password[random.nextInt(8)] = LETTERS.charAt(random.nextInt(LETTERS.length()));
        password[8 + random.nextInt(8)] = DIGITS.charAt(random.nextInt(DIGITS.length()));
        return new String(password);
    }
}
