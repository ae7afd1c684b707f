package com.memberdirectory.app.http;

import com.memberdirectory.query.export.ExportAdmission;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.FieldError;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.stream.Collectors;

/** Turns every refusal into problem+json with a machine-readable code; nothing escapes as a bare 500. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(DomainRuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(DomainRuleViolation e) {
        return answer(HttpStatusCode.valueOf(e.code().status()), e.code().code(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, "not_found", "There is no such resource.", List.of());
    }

    @ExceptionHandler(ExportAdmission.ExportsBusy.class)
    ResponseEntity<ProblemDetail> busy(ExportAdmission.ExportsBusy e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(ProblemWriter.problem(HttpStatus.TOO_MANY_REQUESTS, "too_many_exports", e.getMessage(), List.of()));
    }

        @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return answer(e.status(), e.code(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        String message = "'" + e.getValue() + "' is not a valid value for " + e.getName() + ".";
        return answer(HttpStatus.BAD_REQUEST, "malformed_request", message, List.of(new FieldError(e.getName(), message)));
    }

    /**
     * A multipart body that cannot be parsed: a file name Tomcat refuses (NUL…), a broken body. Too large a body
     * ({@code MaxUploadSizeExceededException}) keeps its 413 from the framework's handler, the closer match.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> badMultipart(MultipartException e) {
        if (causedBy(e, InvalidFileNameException.class)) {
            String message = "The file name holds a character a file name cannot have (such as NUL).";
            return answer(HttpStatus.BAD_REQUEST, "invalid_file_name", message, List.of(new FieldError("file", message)));
        }
        String message = "The multipart body cannot be read.";
        return answer(HttpStatus.BAD_REQUEST, "malformed_request", message, List.of(new FieldError("file", message)));
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(DataAccessResourceFailureException e) {
        log.error("Store unavailable", e);
        return answer(HttpStatus.SERVICE_UNAVAILABLE, "store_unavailable", "The store is not reachable; try again shortly.", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on our side; nothing was changed by this request.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        if (causedBy(e, StreamConstraintsException.class)) {
            // Jackson's StreamReadConstraints: nesting deeper than 1000 levels, or a number or text far too long.
            return body(HttpStatus.BAD_REQUEST, "malformed_request",
                    "The request body is nested too deeply (more than 1000 levels) or holds a value far too long.", List.of());
        }
        if (cause instanceof JsonParseException parse && String.valueOf(parse.getOriginalMessage()).startsWith("Duplicate field")) {
            JsonParser parser = parse.getProcessor();
            String field = parser == null ? "" : path(parser.getParsingContext().pathAsPointer());
            String message = "'" + field + "' is given twice; give each property once.";
            return body(HttpStatus.BAD_REQUEST, "malformed_request", message, List.of(new FieldError(field, message)));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            String message = "Unknown property '" + field + "'.";
            return body(HttpStatus.BAD_REQUEST, "unknown_property", message, List.of(new FieldError(field, message)));
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            String field = path((JsonMappingException) cause);
            String message = "'" + field + "' has a value of the wrong type or format.";
            return body(HttpStatus.BAD_REQUEST, "malformed_request", message, List.of(new FieldError(field, message)));
        }
        return body(HttpStatus.BAD_REQUEST, "malformed_request", "The request body is not valid JSON.", List.of());
    }

    /** The framework's own errors (405, 406, 415, missing parameters…) keep their status and get a code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : e instanceof ErrorResponse error ? error.getBody()
                : ProblemDetail.forStatusAndDetail(status, e.getMessage());
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            problem.setProperty("code", codeOf(status));
            problem.setProperty("errors", List.of());
        }
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String codeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "error" : known.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** A JSON pointer as the other messages name properties: {@code /custom/x} → {@code custom.x}, {@code /0/label} → {@code [0].label}. */
    private static String path(JsonPointer pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer rest = pointer; !rest.matches(); rest = rest.tail()) {
            if (rest.getMatchingIndex() >= 0) {
                path.append('[').append(rest.getMatchingIndex()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(rest.getMatchingProperty());
            }
        }
        return path.toString();
    }

    private static ResponseEntity<ProblemDetail> answer(HttpStatusCode status, String code, String detail, List<FieldError> errors) {
        return ResponseEntity.status(status).body(ProblemWriter.problem(status, code, detail, errors));
    }

    private static ResponseEntity<Object> body(HttpStatusCode status, String code, String detail, List<FieldError> errors) {
        return ResponseEntity.status(status).body(ProblemWriter.problem(status, code, detail, errors));
    }
}
