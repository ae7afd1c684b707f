package com.memberdirectory.kernel.access;

/** How far a caller's grant reaches (docs/permissions.md, Callers). */
public enum Reach {
    /** The primary administrator: everything, granting and revoking admin rights included. */
    PRIMARY,
    /** An administrator with the permission for the whole organization. */
    ORGANIZATION,
    /** An administrator whose permission is limited to some departments and their sub-departments. */
    DEPARTMENTS,
    /** Anyone else: a member, or an administrator without the "Member and Department" permission. */
    NONE
}
