package com.memberdirectory.kernel.member;

public enum Gender {
    UNSPECIFIED,
    MALE,
    FEMALE,
    OTHER
}
