package com.memberdirectory.command.importing;

import com.memberdirectory.kernel.member.MemberEvent;

import java.time.Instant;

/** One event of a member's stream with what the undo needs of its message: where, when, by whom, through what. */
public record RecordedEvent(MemberEvent event, long sequence, Instant at, String actor, String source) {
}
