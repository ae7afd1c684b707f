package com.memberdirectory.kernel.member;

import java.util.List;

public record MemberPage(List<MemberView> items, int page, int size, long total) {
}
