package com.memberdirectory.command.uniqueness;

import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLocksTest {

    @Test
    void a_free_lock_is_claimed_and_released_by_the_same_command() {
        InMemoryUniqueValues unique = new InMemoryUniqueValues();
        CommandLocks.serialize(unique, "manager-graph");
        assertThat(unique.changes()).hasSize(2);
        assertThat(unique.changes().get(0).owner()).isEqualTo(unique.changes().get(1).owner());
        assertThat(unique.ownerOf(UniqueKind.LOCK, "manager-graph")).isEmpty();
    }

    @Test
    void two_commands_hold_a_lock_as_two_different_holders() {
        InMemoryUniqueValues unique = new InMemoryUniqueValues();
        CommandLocks.serialize(unique, "field/jobTitle");
        CommandLocks.serialize(unique, "field/jobTitle");
        assertThat(unique.changes().get(0).owner()).isNotEqualTo(unique.changes().get(2).owner());
    }

    @Test
    void a_lock_still_held_by_another_command_is_a_conflict_that_is_retried_never_a_pass() {
        // Without transactions, a command's claim stays until it committed: the next command must not go on.
        InMemoryUniqueValues unique = new InMemoryUniqueValues().given(UniqueKind.LOCK, "manager-graph", "other-command");
        assertThatThrownBy(() -> CommandLocks.serialize(unique, "manager-graph")).isInstanceOf(ConcurrencyException.class);
        assertThat(unique.ownerOf(UniqueKind.LOCK, "manager-graph")).contains("other-command");
    }
}
