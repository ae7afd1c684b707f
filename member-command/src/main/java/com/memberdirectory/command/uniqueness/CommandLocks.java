package com.memberdirectory.command.uniqueness;

import org.axonframework.modelling.command.ConcurrencyException;

import java.util.UUID;

/**
 * Makes concurrent commands that take the same lock wait for each other, through a lookup-table row claimed and
 * released inside the command. With a transaction around the command (the embedded store, MongoDB with
 * transactions) the second claim waits for, or conflicts with, the first until it commits. Without transactions
 * (MongoDB with {@code directory.mongo.transactions=false}) the row stays claimed until the first command
 * committed, so the second claim is refused: that is a conflict too, never a pass — the command is retried on
 * fresh state like any other concurrent write.
 */
public final class CommandLocks {

    private CommandLocks() {
    }

    public static void serialize(UniqueValues unique, String lock) {
        // Each command holds the lock as itself: with one holder for all, a second claim would count as held already.
        String holder = UUID.randomUUID().toString();
        if (!unique.claim(UniqueKind.LOCK, lock, holder)) {
            throw new ConcurrencyException("Another command holds '" + lock + "'; the command is tried again");
        }
        unique.release(UniqueKind.LOCK, lock, holder);
    }
}
