package com.memberdirectory.query.member;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How much one member list {@code asOf} an instant may rebuild: it replays the stored events up to then and keeps
 * every member that existed in memory, so without a bound a large directory (or a long history) would cost the heap
 * and a request thread without end. Over a bound the read is refused with 422 {@code too_large}.
 *
 * @param maxMembers  members the replay may hold
 * @param maxDuration how long the replay may take
 */
public record AsOfLimits(int maxMembers, Duration maxDuration) {

    /** A replay starting now, by {@code nanoTime}. */
    public Replay start(LongSupplier nanoTime) {
        return new Replay(nanoTime, nanoTime.getAsLong());
    }

    /** One replay's use of the limits. */
    public final class Replay {

        private final LongSupplier nanoTime;
        private final long started;

        private Replay(LongSupplier nanoTime, long started) {
            this.nanoTime = nanoTime;
            this.started = started;
        }

        /** @throws DomainRuleViolation {@code too_large} once the replay holds too many members or has run too long */
        public void check(int members) {
            if (members > maxMembers) {
                throw tooLarge("The directory had more than " + maxMembers + " members then; the member list as it was"
                        + " is rebuilt for at most that many.");
            }
            if (nanoTime.getAsLong() - started > maxDuration.toNanos()) {
                throw tooLarge("Rebuilding the member list as it was then takes longer than " + maxDuration.toSeconds()
                        + " s; it is refused rather than holding the service.");
            }
        }

        private DomainRuleViolation tooLarge(String message) {
            return new DomainRuleViolation(ErrorCode.TOO_LARGE, "asOf", message);
        }
    }
}
