package com.memberdirectory.kernel.department;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.memberdirectory.kernel.identity.TimeOrderedIdentifierFactory;

import java.util.Objects;

/** Identity of a department; its {@link #toString()} is the aggregate identifier in the event store. */
public record DepartmentId(@JsonValue String value) {

    @JsonCreator
    public DepartmentId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered identity (see {@link TimeOrderedIdentifierFactory}). */
    public static DepartmentId generate() {
        return new DepartmentId(TimeOrderedIdentifierFactory.next());
    }

    @Override
    public String toString() {
        return value;
    }
}
