package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberField;

import static com.memberdirectory.kernel.member.MemberFields.DEPARTMENTS;
import static com.memberdirectory.kernel.member.MemberFields.NAME;
import static com.memberdirectory.kernel.member.MemberFields.USER_ID;

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
        String userId = fields.get(USER_ID).value();
        if (userId == null || userId.isBlank()) {
            required.leaveOut(USER_ID);
        }
        askFor(NAME, fields, required);
        askFor(DEPARTMENTS, fields, required);
        return required.build();
    }

    /** Asks for the field, as cleared, when the create left it out: its rule then refuses a new member without it. */
    private static void askFor(MemberField<?, ?> field, MemberChanges fields, MemberChanges.Builder required) {
        if (!fields.get(field).present()) {
            required.set(field, null);
        }
    }
}
