package com.memberdirectory.kernel.member;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of a member; its {@link #toString()} is the aggregate identifier in the event store. */
public record MemberId(@JsonValue String value) {

    @JsonCreator
    public MemberId {
        Objects.requireNonNull(value, "value");
    }

    public static MemberId generate() {
        return new MemberId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
