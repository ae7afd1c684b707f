package com.memberdirectory.kernel.member;

/** Which address a member signs in with. */
public enum LoginEmailType {
    WORK_EMAIL,
    BUSINESS_EMAIL
}
