package com.memberdirectory.app.http;

import com.memberdirectory.kernel.problem.FieldError;
import org.springframework.http.HttpStatusCode;

import java.util.List;

/** A refusal decided by the HTTP layer itself (malformed input, not allowed, not found). */
public class ApiException extends RuntimeException {

    private final HttpStatusCode status;
    private final String code;
    private final transient List<FieldError> errors;

    public ApiException(HttpStatusCode status, String code, String message, List<FieldError> errors) {
        super(message);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public static ApiException badField(String field, String message) {
        return new ApiException(HttpStatusCode.valueOf(400), "malformed_request", message, List.of(new FieldError(field, message)));
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatusCode.valueOf(404), "not_found", message, List.of());
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatusCode.valueOf(403), "forbidden", message, List.of());
    }

    public HttpStatusCode status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
