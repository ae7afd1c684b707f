package com.memberdirectory.query.member;

import java.util.List;

/** A page of the member list as it was at an instant, in list order, and how many members it had in all. */
record AsOfPage(List<MemberDocument> items, long total) {
}
