package com.memberdirectory.command.member;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** A user ID is letters, digits, {@code _ - .}, at most 64 characters; the system makes one up when none is given. */
public final class UserIdRule {

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Nd}_.\\-]{1,64}");
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private final SecureRandom random = new SecureRandom();

    public String check(String raw) {
        String userId = raw == null ? "" : raw.strip();
        if (userId.isEmpty()) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "userId",
                    "A user ID cannot be removed; give a new one instead.");
        }
        PlainTextRule.check("userId", userId);
        if (!ALLOWED.matcher(userId).matches()) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "userId",
                    "A user ID has 1-64 letters, digits, '_', '-' or '.'.");
        }
        return userId;
    }

    /** A fresh random user ID such as {@code u-7k2m9xq4ht}. */
    public String generate() {
        StringBuilder id = new StringBuilder("u-");
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /** The form under which user IDs are kept unique: {@code Alice} and {@code alice} are the same ID. */
    public static String uniquenessKey(String userId) {
        return userId.toLowerCase(java.util.Locale.ROOT);
    }
}
