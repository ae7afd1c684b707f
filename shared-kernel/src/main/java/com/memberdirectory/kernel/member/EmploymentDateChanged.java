package com.memberdirectory.kernel.member;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The member's date of employment changed. */
@Revision("1")
public record EmploymentDateChanged(MemberId memberId, LocalDate before, LocalDate after) implements MemberEvent {
}
