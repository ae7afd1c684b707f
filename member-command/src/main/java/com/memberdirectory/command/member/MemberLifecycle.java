package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberOffboarded;
import com.memberdirectory.kernel.member.MemberResumed;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberSuspended;

/**
 * Where a member stands besides their activation ({@link MemberRecord#status()}, INACTIVE or ACTIVE, which a
 * suspension leaves as it is so that resuming returns to it): suspended, offboarded.
 */
record MemberLifecycle(boolean suspended, boolean offboarded) {

    static final MemberLifecycle NEW = new MemberLifecycle(false, false);

    /** The status the member shows: OFFBOARDED, else SUSPENDED, else their activation. */
    MemberStatus status(MemberStatus activation) {
        return offboarded ? MemberStatus.OFFBOARDED : suspended ? MemberStatus.SUSPENDED : activation;
    }

    MemberLifecycle apply(MemberEvent event) {
        if (event instanceof MemberSuspended) {
            return new MemberLifecycle(true, offboarded);
        }
        if (event instanceof MemberResumed) {
            return new MemberLifecycle(false, offboarded);
        }
        if (event instanceof MemberOffboarded) {
            return new MemberLifecycle(suspended, true);
        }
        return this;
    }

    static boolean isLifecycleEvent(MemberEvent event) {
        return event instanceof MemberSuspended || event instanceof MemberResumed || event instanceof MemberOffboarded;
    }
}
