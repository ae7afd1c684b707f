package com.memberdirectory.kernel.access;

import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberView;

import java.util.List;

/**
 * Who sees what of a member, decided here and applied by every read path (member, list, search, history,
 * {@code asOf}, change list, exports, notification log, import previews):
 * <ul>
 *     <li>the primary administrator and administrators of the whole organization see everything;</li>
 *     <li>an administrator limited to departments sees everything of the members in them (sub-departments
 *     included) and the public fields of everyone else;</li>
 *     <li>anyone else sees the public fields.</li>
 * </ul>
 * Public fields are all fields but the phone of a member who hides it and the login details (login email, its
 * type, whether a login password is set). A member's history and its state at a past instant are shown only
 * to viewers who see everything of that member: past values may hold what is hidden now. An offboarded member is
 * gone for everyone else too: only those who may read their history find them (docs/lifecycle.md).
 */
public final class MemberVisibility {

    /** Searchable by everyone ({@code phone} too, unless the member hides it). */
    public static final List<String> PUBLIC_TEXT_FIELDS =
            List.of("name", "alias", "businessEmail", "employeeId", "userId", "workEmail");

    /** Searchable only by viewers who see everything of the member (the phone only where it is hidden). */
    public static final List<String> RESTRICTED_TEXT_FIELDS = List.of("loginEmail");

    private MemberVisibility() {
    }

    /** The member as this viewer may see it. */
    public static MemberView view(MemberView member, Viewer viewer) {
        return member == null || viewer.seesAllOf(member.departmentIds()) ? member : member.publicFields();
    }

    /**
     * Whether this viewer finds the member at all: an offboarded member only by those who may read their history
     * (others are told there is no such member); everyone else by everyone.
     */
    public static boolean mayFind(Viewer viewer, MemberView member) {
        return member.status() != MemberStatus.OFFBOARDED || mayReadHistory(viewer, member.departmentIds());
    }

    /** History, change list entries and past states of the member (whose departments are these now). */
    public static boolean mayReadHistory(Viewer viewer, List<String> memberDepartmentIds) {
        return viewer.seesAllOf(memberDepartmentIds);
    }
}
