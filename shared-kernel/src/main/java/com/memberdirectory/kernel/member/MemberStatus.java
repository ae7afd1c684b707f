package com.memberdirectory.kernel.member;

/**
 * Where a member is in their lifecycle (docs/lifecycle.md). A member is INACTIVE until their first sign-in
 * (activation), then ACTIVE. SUSPENDED: they cannot sign in until resumed, when they are INACTIVE or ACTIVE again as
 * they were before. OFFBOARDED: they have left the directory; their history is kept, nothing of them changes any more.
 */
public enum MemberStatus {
    INACTIVE,
    ACTIVE,
    SUSPENDED,
    OFFBOARDED
}
