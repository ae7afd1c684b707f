package com.memberdirectory.command.importing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The user IDs an import file gives its members (compared case-insensitively, as everywhere), so that a row can
 * name a manager whose user ID the same file changes. Collected for every row of files of up to 200,000 rows, so
 * kept compact: user IDs as fingerprints ({@link FingerprintMap}), member ids in the usual UUID form as two longs.
 * Two different user IDs are taken for the same only if their 128-bit fingerprints are equal (odds about
 * 10<sup>-27</sup> for a whole file); a manager would then be resolved to the member of the other one.
 */
public final class UserIdsInFile {

    private final FingerprintMap index = new FingerprintMap();
    private long[] high = new long[1024];
    private long[] low = new long[1024];
    /** Member ids not in the canonical UUID form (possible in a file; the row then fails on its own). */
    private final Map<Integer, String> other = new HashMap<>();

    /** Remembers that the file gives {@code userId} to {@code memberId}, unless an earlier row gave it already. */
    public void putIfAbsent(String userId, String memberId) {
        int next = index.size();
        if (index.putIfAbsent(normalized(userId), next) != FingerprintMap.ABSENT) {
            return;
        }
        if (next == high.length) {
            high = Arrays.copyOf(high, next * 2);
            low = Arrays.copyOf(low, next * 2);
        }
        UUID uuid = canonicalUuid(memberId);
        if (uuid == null) {
            other.put(next, memberId);
        } else {
            high[next] = uuid.getMostSignificantBits();
            low[next] = uuid.getLeastSignificantBits();
        }
    }

    /** The member the file gives {@code userId} to, or null. */
    public String memberIdOf(String userId) {
        int at = index.get(normalized(userId));
        if (at == FingerprintMap.ABSENT) {
            return null;
        }
        String given = other.get(at);
        return given != null ? given : new UUID(high[at], low[at]).toString();
    }

    /** A user ID as the directory compares it (and as it is claimed): without surrounding blanks, lower case. */
    static String normalized(String userId) {
        return userId.strip().toLowerCase(Locale.ROOT);
    }

    /** The UUID whose text is exactly {@code value}, or null. */
    private static UUID canonicalUuid(String value) {
        if (value.length() != 36 || value.charAt(8) != '-' || value.charAt(13) != '-' || value.charAt(18) != '-'
                || value.charAt(23) != '-') {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(value);
            return uuid.toString().equals(value) ? uuid : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
