package com.memberdirectory.kernel.department;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of a department; its {@link #toString()} is the aggregate identifier in the event store. */
public record DepartmentId(@JsonValue String value) {

    @JsonCreator
    public DepartmentId {
        Objects.requireNonNull(value, "value");
    }

    public static DepartmentId generate() {
        return new DepartmentId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
