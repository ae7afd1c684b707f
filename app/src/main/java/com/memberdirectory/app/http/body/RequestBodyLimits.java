package com.memberdirectory.app.http.body;

import java.time.Duration;

/**
 * What a request body may be: how large (by its {@code Content-Length}, before any of it is read) and how slowly it
 * may arrive. A request thread reading a body waits for the client; a client that announces a large body and then
 * sends a few bytes now and then would hold that thread for as long as it likes.
 *
 * @param maxImportBody        the largest body of an import upload ({@code POST /api/imports}, multipart)
 * @param maxBody              the largest body of any other request (JSON, photos)
 * @param minimumBytesPerSecond the average rate a body must arrive at once the grace period is over
 * @param grace                how long a body may arrive slower than that
 */
public record RequestBodyLimits(long maxImportBody, long maxBody, long minimumBytesPerSecond, Duration grace) {

    /** The largest body a request to {@code path} with {@code method} may have. */
    public long maxBodyOf(String method, String path) {
        return "POST".equals(method) && "/api/imports".equals(path) ? maxImportBody : maxBody;
    }

    /** Whether {@code bytes} received in {@code elapsedNanos} since the body was first read is too slow. */
    public boolean tooSlow(long bytes, long elapsedNanos) {
        if (elapsedNanos <= grace.toNanos()) {
            return false;
        }
        return bytes < (double) minimumBytesPerSecond * elapsedNanos / 1_000_000_000d;
    }
}
