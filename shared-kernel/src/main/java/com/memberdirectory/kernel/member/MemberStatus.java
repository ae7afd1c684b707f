package com.memberdirectory.kernel.member;

/** A member is INACTIVE until their first sign-in (activation). */
public enum MemberStatus {
    INACTIVE,
    ACTIVE
}
