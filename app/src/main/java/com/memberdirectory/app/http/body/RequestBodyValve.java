package com.memberdirectory.app.http.body;

import com.memberdirectory.app.http.ProblemWriter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * Keeps slow or oversized request bodies from holding the request threads, before any filter or servlet runs:
 * <ul>
 *     <li>a {@code Content-Length} over {@link RequestBodyLimits#maxBodyOf} is answered 413 {@code payload_too_large}
 *     before any of the body is read;</li>
 *     <li>at most {@code maxReaders} requests read a body at once; one more is answered 503 {@code busy} with
 *     {@code Retry-After} before its body is read, so however many clients trickle bodies, the other request threads
 *     stay free for everyone else (health checks, reads, requests without a body);</li>
 *     <li>a body arriving slower than {@link RequestBodyLimits#tooSlow} allows is cut off and answered 408
 *     {@code request_too_slow}.</li>
 * </ul>
 * A request refused or cut off here has its connection closed after the answer instead of Tomcat reading the rest of
 * its body at the client's pace.
 */
final class RequestBodyValve extends ValveBase {

    static final int RETRY_AFTER_SECONDS = 5;

    private final RequestBodyLimits limits;
    private final ProblemWriter problems;
    private final Semaphore readers;

    RequestBodyValve(RequestBodyLimits limits, int maxReaders, ProblemWriter problems) {
        super(true);
        this.limits = limits;
        this.problems = problems;
        this.readers = new Semaphore(maxReaders);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        org.apache.coyote.Request coyote = request.getCoyoteRequest();
        long length = coyote.getContentLengthLong();
        boolean chunked = length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (length <= 0 && !chunked) {
            getNext().invoke(request, response);
            return;
        }
        long max = limits.maxBodyOf(request.getMethod(), request.getRequestURI());
        if (length > max) {
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
                    "The request body has " + length + " bytes; this request takes at most " + max + ".");
            return;
        }
        if (!readers.tryAcquire()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
            refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, "busy",
                    "The service is receiving as many request bodies as it takes at once; try again shortly.");
            return;
        }
        GuardedBody body = new GuardedBody(coyote.getInputBuffer(), limits, System::nanoTime, length, readers::release);
        coyote.setInputBuffer(body);
        try {
            getNext().invoke(request, response);
        } finally {
            coyote.setInputBuffer(body.original());
            body.end();
            if (body.cut()) {
                closeAfterAnswer(request);
                if (!response.isCommitted()) {
                    // Tomcat answered the "read timeout" 408 and the servlet container then made it a 500 error page
                    // as the read failure left the servlet; the answer is ours instead.
                    response.reset();
                    response.resetError();
                    response.setSuspended(false);
                    request.removeAttribute(RequestDispatcher.ERROR_EXCEPTION);
                    problems.write(response, HttpStatus.REQUEST_TIMEOUT, "request_too_slow",
                            "The request body arrived at less than " + limits.minimumBytesPerSecond()
                                    + " bytes per second after the first " + limits.grace().toSeconds()
                                    + " s; send it again on a faster connection.");
                }
            }
        }
    }

    private void refuse(Request request, Response response, HttpStatus status, String code, String detail)
            throws IOException {
        closeAfterAnswer(request);
        problems.write(response, status, code, detail);
    }

    /** Tomcat would otherwise read and discard the rest of the body, as slowly as the client sends it. */
    private static void closeAfterAnswer(Request request) {
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
    }
}
