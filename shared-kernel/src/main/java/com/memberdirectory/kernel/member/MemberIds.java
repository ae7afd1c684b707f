package com.memberdirectory.kernel.member;

import java.util.Set;

public record MemberIds(Set<String> ids) {
}
