package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.access.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Choose the login email type of an inactive member, with a password (given or generated) for BUSINESS_EMAIL. */
public record ChooseLoginMethod(@TargetAggregateIdentifier MemberId memberId,
                                Long expectedVersion,
                                LoginEmailType loginEmailType,
                                String password,
                                boolean generatePassword,
                                Actor actor) {

    /** Never prints the password (commands may end up in logs). */
    @Override
    public String toString() {
        return "ChooseLoginMethod[memberId=" + memberId + ", expectedVersion=" + expectedVersion + ", loginEmailType="
                + loginEmailType + ", password=" + (password == null ? "none" : "***") + ", generatePassword="
                + generatePassword + ", actor=" + actor + "]";
    }
}
