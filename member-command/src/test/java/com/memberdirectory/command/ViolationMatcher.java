package com.memberdirectory.command;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import com.memberdirectory.kernel.problem.FieldError;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link DomainRuleViolation} by its code and the field it names. */
public final class ViolationMatcher extends TypeSafeMatcher<DomainRuleViolation> {

    private final ErrorCode code;
    private final String field;

    private ViolationMatcher(ErrorCode code, String field) {
        this.code = code;
        this.field = field;
    }

    public static Matcher<DomainRuleViolation> violation(ErrorCode code, String field) {
        return new ViolationMatcher(code, field);
    }

    @Override
    protected boolean matchesSafely(DomainRuleViolation violation) {
        return violation.code() == code
                && violation.errors().stream().map(FieldError::field).anyMatch(field::equals);
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a rule violation " + code + " on field " + field);
    }

    @Override
    protected void describeMismatchSafely(DomainRuleViolation violation, Description mismatch) {
        mismatch.appendText("was " + violation.code() + " " + violation.errors());
    }
}
