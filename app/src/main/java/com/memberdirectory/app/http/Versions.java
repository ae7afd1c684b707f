package com.memberdirectory.app.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member's version as {@code ETag: "<version>"}, and the version a write expects from {@code If-Match}: a write
 * based on a version the member has moved past is refused (412) instead of overwriting someone else's change
 * (docs/member-record.md, "The Member JSON and its version").
 */
public final class Versions {

    /** One entity tag holding a version: {@code "3"}; also weak ({@code W/"3"}), as proxies that compress may send it back. */
    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"([0-9]{1,18})\"");

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * @return the version the caller expects, or null for "the latest": no header, or {@code *} (RFC 9110: any
     *         current version matches)
     * @throws ApiException 400 {@code malformed_request} on field {@code If-Match} for anything but {@code *} or one
     *         quoted version ({@code "abc"}, {@code W/"x"}, an unquoted {@code 1}, a list of tags)
     */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher tag = VERSION_TAG.matcher(ifMatch.strip());
        if (!tag.matches()) {
            throw ApiException.badField("If-Match",
                    "If-Match is * or the member's ETag as it was sent, a version in double quotes such as \"3\".");
        }
        return Long.parseLong(tag.group(1));
    }
}
