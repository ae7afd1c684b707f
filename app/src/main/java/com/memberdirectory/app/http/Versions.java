package com.memberdirectory.app.http;

import org.springframework.http.HttpStatusCode;

import java.util.List;

/** {@code ETag: "<version>"} and {@code If-Match} as API.md describes them. */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** @return the version the caller expects, or null for "the latest" (no header, or {@code *}) */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new ApiException(HttpStatusCode.valueOf(412), "version_conflict",
                    "If-Match must be the member's ETag, e.g. \"3\".", List.of());
        }
    }
}
