package com.memberdirectory.app.http.body;

import org.apache.coyote.InputBuffer;
import org.apache.tomcat.util.net.ApplicationBufferHandler;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.function.LongSupplier;

/**
 * Tomcat's source of one request's body, watched: every read (by Spring's JSON reader, the multipart parser, a
 * controller) passes here. A body arriving slower than {@link RequestBodyLimits} allow is cut off with
 * {@link TooSlow}; the end of the body is reported once, so the reader's place can go to the next request.
 */
final class GuardedBody implements InputBuffer {

    /**
     * The body arrived too slowly. A read timeout to Tomcat, which therefore answers 408 as it does when a body
     * stalls for the whole connection timeout.
     */
    static final class TooSlow extends SocketTimeoutException {
        TooSlow(String message) {
            super(message);
        }
    }

    private final InputBuffer original;
    private final RequestBodyLimits limits;
    private final LongSupplier nanoTime;
    private final long expected;
    private final Runnable ended;
    private long started = -1;
    private long received;
    private boolean cut;
    private boolean done;

    /**
     * @param expected the announced {@code Content-Length}, or -1 (chunked)
     * @param ended    run once, when the body has been read to its end or was cut off
     */
    GuardedBody(InputBuffer original, RequestBodyLimits limits, LongSupplier nanoTime, long expected, Runnable ended) {
        this.original = original;
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.expected = expected;
        this.ended = ended;
    }

    @Override
    public int doRead(ApplicationBufferHandler handler) throws IOException {
        if (started < 0) {
            started = nanoTime.getAsLong();
        }
        int read = original.doRead(handler);
        if (read > 0) {
            received += read;
        }
        if (read < 0 || (expected >= 0 && received >= expected)) {
            end();
        } else if (limits.tooSlow(received, nanoTime.getAsLong() - started)) {
            cut = true;
            end();
            throw new TooSlow("The request body arrived at less than " + limits.minimumBytesPerSecond()
                    + " bytes per second; it was cut off after " + received + " bytes.");
        }
        return read;
    }

    @Override
    public int available() {
        return original.available();
    }

    InputBuffer original() {
        return original;
    }

    boolean cut() {
        return cut;
    }

    void end() {
        if (!done) {
            done = true;
            ended.run();
        }
    }
}
