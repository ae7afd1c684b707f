package com.memberdirectory.app.storage;

import java.time.Duration;

/**
 * How long a claim on a segment of the primary token store (the saga's and the imports' processors) lasts unless it
 * is extended: declared once by each storage mode's configuration, which builds that token store with it, and read by
 * whatever keeps such a claim alive itself ({@code SegmentClaims}, while an import runs).
 */
public record TokenClaimTimeout(Duration value) {
}
