package com.memberdirectory.kernel.problem;

import org.axonframework.common.AxonNonTransientException;

import java.util.List;

/**
 * A command was refused because it breaks a rule. Non-transient, so Axon never retries it; the HTTP
 * layer turns it into a problem+json answer with {@link #code()} and {@link #errors()}.
 */
public class DomainRuleViolation extends AxonNonTransientException {

    private final ErrorCode code;
    private final transient List<FieldError> errors;

    public DomainRuleViolation(ErrorCode code, String field, String message) {
        this(code, message, List.of(new FieldError(field, message)));
    }

    public DomainRuleViolation(ErrorCode code, String message, List<FieldError> errors) {
        super(message);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
