package com.memberdirectory.kernel.problem;

/**
 * Machine-readable problem codes, with the HTTP status each maps to. Clients branch on them, so a code once published
 * is neither renamed nor dropped.
 */
public enum ErrorCode {
    NAME_REQUIRED(422),
    DEPARTMENT_REQUIRED(422),
    PHONE_OR_WORK_EMAIL_REQUIRED(422),
    DUPLICATE_VALUE(409),
    UNKNOWN_DEPARTMENT(422),
    UNKNOWN_MEMBER(422),
    MANAGER_CYCLE(422),
    SELF_MANAGER(422),
    NO_OPTIONS_DEFINED(422),
    UNKNOWN_OPTION(422),
    UNKNOWN_FIELD(422),
    OPTION_IN_USE(409),
    INVALID_EMAIL(422),
    INVALID_PHONE(422),
    INVALID_VALUE(422),
    DOMAIN_NOT_ALLOWED(422),
    MEMBER_ACTIVE(422),
    BUSINESS_EMAIL_REQUIRED(422),
    WEAK_PASSWORD(422),
    /** A suspended member cannot be activated (docs/lifecycle.md). */
    MEMBER_SUSPENDED(422),
    /** An offboarded member changes no more (docs/lifecycle.md). */
    MEMBER_OFFBOARDED(422),
    IDENTITY_VERIFICATION_REQUIRED(403),
    VERSION_CONFLICT(412),
    DUPLICATE_DEPARTMENT(409),
    NOT_FOUND(404),
    GONE(410),
    FORBIDDEN(403),
    /** A read over more than a documented limit (docs/limits.md, Reads). */
    TOO_LARGE(422),
    /** An import that cannot be undone: a dry run, an undo, one that did not succeed (docs/undo.md). */
    NOT_UNDOABLE(422),
    /** The import has not finished yet: it can be undone once it has (docs/undo.md). */
    IMPORT_NOT_FINISHED(409),
    /** The import has been undone already, or its undo is under way (docs/undo.md). */
    ALREADY_UNDONE(409),
    /**
     * A read answered from an index of this instance that is being built, over more than its fallback may read
     * (docs/limits.md, Reads): try again once the index has caught up.
     */
    INDEX_BUILDING(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The wire form, e.g. {@code duplicate_value}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
