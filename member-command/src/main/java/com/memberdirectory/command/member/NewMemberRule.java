package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.MemberChanges;

/**
 * What a create always asks for, given or not: a name and departments (so that their rules refuse a member without
 * them), and a user id that is generated when the caller leaves it blank.
 */
final class NewMemberRule {

    private NewMemberRule() {
    }

    /** The create's fields with the name and departments asked for, and a blank user id left to generation. */
    static MemberChanges required(MemberChanges fields) {
        MemberChanges.Builder required = fields.toBuilder();
        if (fields.userId().present() && (fields.userId().value() == null || fields.userId().value().isBlank())) {
            required.keepUserId();
        }
        if (!fields.name().present()) {
            required.name(null);
        }
        if (!fields.departmentIds().present()) {
            required.departmentIds(null);
        }
        return required.build();
    }
}
