package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/** Dotted-line managers: at most 10 distinct existing members, not the member itself. */
public final class DottedLineManagersRule {

    static final int MAX = ValueLimits.MAX_DOTTED_LINE_MANAGERS;

    /** @return the managers without duplicates, in the order given */
    public List<MemberId> check(MemberId self, List<MemberId> managers, Predicate<MemberId> exists) {
        if (managers == null) {
            return List.of();
        }
        List<MemberId> distinct = new ArrayList<>(new LinkedHashSet<>(managers));
        // counted before any lookup, so an oversized list costs nothing
        if (distinct.size() > MAX) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "dottedLineManagerIds",
                    "A member has at most " + MAX + " dotted-line managers.");
        }
        for (MemberId manager : distinct) {
            if (manager == null) {
                throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "dottedLineManagerIds", "A manager id is missing.");
            }
            if (manager.equals(self)) {
                throw new DomainRuleViolation(ErrorCode.SELF_MANAGER, "dottedLineManagerIds",
                        "A member cannot be their own dotted-line manager.");
            }
            if (!exists.test(manager)) {
                throw new DomainRuleViolation(ErrorCode.UNKNOWN_MEMBER, "dottedLineManagerIds",
                        "There is no member '" + manager + "'.");
            }
        }
        return List.copyOf(distinct);
    }
}
