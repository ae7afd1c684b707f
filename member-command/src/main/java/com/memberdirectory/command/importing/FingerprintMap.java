package com.memberdirectory.command.importing;

import org.apache.commons.codec.digest.MurmurHash3;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings → non-negative ints for the values of one import file, each string kept only as its 128-bit fingerprint
 * (MurmurHash3 x64-128 of its UTF-8 bytes) in flat arrays: about 40 bytes a string instead of the ~140 of a
 * {@code HashMap<String, …>} entry. A 200,000-row file remembers a million values (member IDs, user IDs, emails,
 * phones); as Java objects they took more than a quarter of the import's 512 MB heap and kept the collector busy.
 * <p>
 * Two different strings count as the same only if their fingerprints are equal: for a million strings the odds
 * are about 10<sup>-27</sup> (those of two random UUIDs colliding), and even then the mistake could only be a
 * false "also given to another row", never a duplicate let through.
 */
final class FingerprintMap {

    /** What {@link #get} and {@link #putIfAbsent} answer for a string not in the map. */
    static final int ABSENT = -1;

    private static final double MAX_LOAD = 0.6;

    private long[] fingerprints;
    private int[] values;
    private int size;

    FingerprintMap() {
        allocate(1024);
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or {@link #ABSENT}. */
    int get(String key) {
        long[] fingerprint = fingerprint(key);
        return values[slot(fingerprint[0], fingerprint[1])];
    }

    /** Stores {@code value} (≥ 0) for {@code key} unless it has one; answers the one it had, or {@link #ABSENT}. */
    int putIfAbsent(String key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("values must not be negative: " + value);
        }
        long[] fingerprint = fingerprint(key);
        int slot = slot(fingerprint[0], fingerprint[1]);
        if (values[slot] != ABSENT) {
            return values[slot];
        }
        fingerprints[2 * slot] = fingerprint[0];
        fingerprints[2 * slot + 1] = fingerprint[1];
        values[slot] = value;
        if (++size > values.length * MAX_LOAD) {
            grow();
        }
        return ABSENT;
    }

    private static long[] fingerprint(String key) {
        return MurmurHash3.hash128x64(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The slot holding this fingerprint, or the empty slot where it belongs (linear probing). */
    private int slot(long high, long low) {
        int mask = values.length - 1;
        int slot = (int) (low ^ (low >>> 32)) & mask;
        while (values[slot] != ABSENT && (fingerprints[2 * slot] != high || fingerprints[2 * slot + 1] != low)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldFingerprints = fingerprints;
        int[] oldValues = values;
        allocate(oldValues.length * 2);
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != ABSENT) {
                int slot = slot(oldFingerprints[2 * i], oldFingerprints[2 * i + 1]);
                fingerprints[2 * slot] = oldFingerprints[2 * i];
                fingerprints[2 * slot + 1] = oldFingerprints[2 * i + 1];
                values[slot] = oldValues[i];
            }
        }
    }

    private void allocate(int capacity) {
        fingerprints = new long[2 * capacity];
        values = new int[capacity];
        Arrays.fill(values, ABSENT);
    }
}
