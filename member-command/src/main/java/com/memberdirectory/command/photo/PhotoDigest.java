package com.memberdirectory.command.photo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The content digest that tells whether an uploaded photo is the one the member already has. */
public final class PhotoDigest {

    private PhotoDigest() {
    }

    /** Lower-case hex SHA-256 of the bytes. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
