package com.memberdirectory.command.member;

import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.member.FieldChange;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.RowValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a write of a member's fields comes to, decided on the member's state by the rules: the record after it
 * ({@code after}), the login decision a spreadsheet row may add ({@code login}), the record whose unique values are
 * to be held ({@code claimed}: {@code after} with the login email the change leads to) and the changes to report.
 * A write decides under the option and manager locks ({@link #decide}); its events then make its claims
 * ({@link MemberClaims}). A row's preview decides without the locks ({@link #ofRow}) and only checks that the unique
 * values are free ({@link #checkFree}).
 */
record MemberChange(MemberRecord before, MemberRecord after, MemberRecord claimed, LoginDecision login,
                    List<FieldChange> changes) {

    /** A write: the locks its changes need are taken (in the command's transaction) before the rules decide. */
    static MemberChange decide(MemberId id, MemberRecord before, MemberChanges changes, LoginEmailType loginType,
                               String loginPassword, MemberPolicies rules, UniqueValues unique) {
        if (changesManager(before, changes)) {
            MemberLookupTable.serializeManagerChanges(unique);
        }
        MemberLookupTable.OptionFields options = new MemberLookupTable.OptionFields(unique);
        MemberRecord after = MemberLookupTable.applyRules(before, changes, id, rules, unique, options);
        return withLogin(before, after, loginType, loginPassword, rules);
    }

    /**
     * A spreadsheet row: a write's decision ({@link #decide}), or for a preview the same decision taking no lock (a
     * preview records nothing, so it has nothing to serialise).
     */
    static MemberChange ofRow(MemberId id, MemberRecord before, RowValues row, MemberPolicies rules,
                              UniqueValues unique, boolean preview) {
        if (!preview) {
            return decide(id, before, row.changes(), row.loginEmailType(), row.loginPassword(), rules, unique);
        }
        MemberRecord after = MemberLookupTable.applyRulesWithoutLocks(before, row.changes(), id, rules, unique);
        return withLogin(before, after, row.loginEmailType(), row.loginPassword(), rules);
    }

    private static boolean changesManager(MemberRecord before, MemberChanges changes) {
        return !Objects.equals(changes.get(MemberFields.MANAGER).orElse(before.managerId()), before.managerId());
    }

    private static MemberChange withLogin(MemberRecord before, MemberRecord after, LoginEmailType loginType,
                                          String loginPassword, MemberPolicies rules) {
        RowLoginPasswordRule.check(loginPassword, loginType, after.status(), rules.password());
        LoginDecision login = loginType == null ? LoginDecision.NONE
                : LoginDecision.decide(after, loginType, loginPassword, false, true, rules);
        // A row naming the login type sets the login email through its login events; otherwise it follows the
        // contact address.
        MemberRecord claimed = after.withLoginEmail(login.type() != null ? login.loginEmail()
                : LoginEmailRule.follow(before, after));
        MemberRecord next = login.type() == null ? claimed : after;
        List<FieldChange> changes = new ArrayList<>(MemberRecordDiff.between(before, next));
        changes.addAll(login.changes(before));
        return new MemberChange(before, next, claimed, login, List.copyOf(changes));
    }

    boolean changesSomething() {
        return !changes.isEmpty();
    }

    /** The preview's uniqueness check: refuses a value another member holds, claims nothing. */
    void checkFree(UniqueValues unique, String owner) {
        MemberUniqueness.checkFree(unique, before, claimed, owner);
    }
}
