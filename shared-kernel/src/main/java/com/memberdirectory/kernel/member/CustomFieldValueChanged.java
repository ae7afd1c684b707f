package com.memberdirectory.kernel.member;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A custom field's value changed. Values are kept as text in a canonical form (numbers without trailing
 * zeros, ISO dates, option ids, member ids); an empty list means no value, several entries a multi-option value.
 */
@Revision("1")
public record CustomFieldValueChanged(MemberId memberId, String fieldKey, List<String> before, List<String> after)
        implements MemberEvent {
}
