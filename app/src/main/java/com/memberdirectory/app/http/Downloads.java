package com.memberdirectory.app.http;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * {@code Content-Disposition} of file downloads (RFC 6266): a file name outside ASCII goes in {@code filename*}
 * (RFC 8187/5987: {@code UTF-8''} and percent-encoded bytes), next to an ASCII {@code filename} for old clients
 * (accents dropped, other characters as {@code _}). A header value outside ASCII would be dropped or mangled.
 */
public final class Downloads {

    private Downloads() {
    }

    /** {@code attachment; filename="…"} and, when the name is not plain ASCII, {@code ; filename*=UTF-8''…}. */
    public static String attachment(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "download" : fileName;
        String fallback = asciiFallback(name);
        StringBuilder header = new StringBuilder("attachment; filename=\"").append(fallback).append('"');
        if (!fallback.equals(name)) {
            header.append("; filename*=UTF-8''").append(rfc5987(name));
        }
        return header.toString();
    }

    /** The name in printable ASCII without quotes or backslashes: Ü → U, 成员 → __. */
    static String asciiFallback(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return out.toString();
    }

    /** RFC 8187 value-chars: attr-chars as they are, every other UTF-8 byte as %XX. */
    static String rfc5987(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
