package com.memberdirectory.kernel.admin;

/** What an administrator may do. */
public enum Permission {
    MEMBER_AND_DEPARTMENT
}
