package com.memberdirectory.app.scim;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** SCIM's dateTime (RFC 7643 §2.3.5, xsd:dateTime), as filters on {@code meta.created} and {@code meta.lastModified} compare it. */
final class ScimDateTime {

    private ScimDateTime() {
    }

    /**
     * The instant {@code text} names: with an offset or {@code Z}, or without one (then UTC).
     *
     * @throws ScimException invalidFilter when it is not a dateTime
     */
    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw ScimException.invalidFilter("'" + text + "' is not a dateTime such as 2026-01-02T03:04:05Z.");
            }
        }
    }
}
