package com.memberdirectory.app.http.scim;

import com.memberdirectory.app.scim.ScimException;
import com.memberdirectory.app.scim.ScimSchemas;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memberdirectory.app.http.ApiException;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.FieldError;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.stream.Collectors;

/**
 * Every refusal on the SCIM path as a SCIM error (RFC 7644 §3.12): {@code schemas}, {@code status} as a string,
 * {@code scimType} where RFC 7644 defines one, {@code detail}. The member's own rules keep their meaning: a taken
 * unique value is 409 {@code uniqueness}, a stale {@code If-Match} 412, a value a rule refuses 400 {@code invalidValue}
 * (naming the directory's code and field in the detail), a member outside the client's reach 403.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {ScimUserController.class, ScimGroupController.class, ScimDiscoveryController.class})
class ScimExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ScimExceptionHandler.class);
    private static final MediaType SCIM = MediaType.parseMediaType(ScimSchemas.MEDIA_TYPE);

    @ExceptionHandler(ScimException.class)
    ResponseEntity<ObjectNode> scim(ScimException e) {
        return error(e.status(), e.scimType(), e.getMessage());
    }

    @ExceptionHandler(DomainRuleViolation.class)
    ResponseEntity<ObjectNode> rule(DomainRuleViolation e) {
        String detail = e.getMessage() + fields(e) + " (" + e.code().code() + ")";
        return switch (e.code()) {
            case DUPLICATE_VALUE -> error(409, "uniqueness", detail);
            case VERSION_CONFLICT -> error(412, null, detail);
            case FORBIDDEN -> error(403, null, detail);
            case NOT_FOUND, GONE -> error(404, null, detail);
            // an offboarded member is no User any more
            case MEMBER_OFFBOARDED -> error(404, null, detail);
            default -> e.code().status() >= 500 ? error(e.code().status(), null, detail) : error(400, "invalidValue", detail);
        };
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ObjectNode> api(ApiException e) {
        int status = e.status().value();
        return error(status, status == 400 ? "invalidValue" : null, e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ObjectNode> notFound(AggregateNotFoundException e) {
        return error(404, null, "There is no such User.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ObjectNode> unexpected(Exception e) {
        log.error("Unexpected failure on the SCIM path", e);
        return error(500, null, "Something went wrong on our side; nothing was changed by this request.");
    }

    private static String fields(DomainRuleViolation e) {
        if (e.errors() == null || e.errors().isEmpty()) {
            return "";
        }
        return " [" + e.errors().stream().map(FieldError::field).collect(Collectors.joining(", ")) + "]";
    }

    static ResponseEntity<ObjectNode> error(int status, String scimType, String detail) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add(ScimSchemas.ERROR);
        body.put("status", String.valueOf(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", detail);
        return ResponseEntity.status(status).contentType(SCIM).body(body);
    }
}
