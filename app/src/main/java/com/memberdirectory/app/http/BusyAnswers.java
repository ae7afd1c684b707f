package com.memberdirectory.app.http;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** 429 with {@code Retry-After} for a request refused by a {@link ConcurrencyLimit}; before the catch-all handler. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BusyAnswers {

    @ExceptionHandler(ConcurrencyLimit.TooBusy.class)
    ResponseEntity<ProblemDetail> busy(ConcurrencyLimit.TooBusy e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(ProblemWriter.problem(HttpStatus.TOO_MANY_REQUESTS, e.code(), e.getMessage(), List.of()));
    }
}
