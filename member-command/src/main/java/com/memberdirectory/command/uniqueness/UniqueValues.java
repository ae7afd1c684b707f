package com.memberdirectory.command.uniqueness;

import java.util.Optional;

/**
 * The set-based side of uniqueness: a lookup table written in the same transaction as the events of the
 * command that claims a value, so two concurrent commands can never both hold one value. Implemented by
 * the application for each storage mode.
 */
public interface UniqueValues {

    /**
     * Claims {@code value} of {@code kind} for {@code owner}.
     *
     * @return true when the value is now held by {@code owner} (also when it already was), false when another
     * owner holds it
     */
    boolean claim(UniqueKind kind, String value, String owner);

    /** Gives up {@code value} if {@code owner} holds it. */
    void release(UniqueKind kind, String value, String owner);

    /** How many values of {@code kind} start with {@code prefix}. */
    long count(UniqueKind kind, String prefix);

    /** The values of {@code kind} that start with {@code prefix}, each with who holds it. */
    java.util.Map<String, String> owners(UniqueKind kind, String prefix);

    /** Who holds {@code value}, if anyone. */
    Optional<String> ownerOf(UniqueKind kind, String value);
}
