package com.memberdirectory.kernel.member;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.memberdirectory.kernel.identity.TimeOrderedIdentifierFactory;

import java.util.Objects;

/** Identity of a member; its {@link #toString()} is the aggregate identifier in the event store. */
public record MemberId(@JsonValue String value) {

    @JsonCreator
    public MemberId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered identity (see {@link TimeOrderedIdentifierFactory}). */
    public static MemberId generate() {
        return new MemberId(TimeOrderedIdentifierFactory.next());
    }

    @Override
    public String toString() {
        return value;
    }
}
