package com.memberdirectory.command.importing;

/**
 * Asks a running import or undo to stop before it applies another row. Asked when the instance no longer holds the
 * {@code imports} segment (its claim could not be extended: another instance may be running the import by now) or
 * when the service stops. A stopped run records no end — neither FAILED nor a result: the import is not over, and the
 * instance that holds the segment next resumes it, skipping the rows already applied ({@link ImportMarks}).
 */
public final class RunStop {

    private volatile String reason;

    public void stop(String why) {
        if (reason == null) {
            reason = why;
        }
    }

    public boolean requested() {
        return reason != null;
    }

    /** @throws Stopped once a stop was asked for */
    public void check() {
        String why = reason;
        if (why != null) {
            throw new Stopped(why);
        }
    }

    /** The run stopped before its end; not a failure of the import, which the segment's next holder resumes. */
    public static final class Stopped extends RuntimeException {
        Stopped(String reason) {
            super("The run stopped before its end: " + reason);
        }
    }
}
