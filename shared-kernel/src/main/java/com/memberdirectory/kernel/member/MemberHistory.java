package com.memberdirectory.kernel.member;

import java.util.List;

public record MemberHistory(List<HistoryEntry> items) {
}
