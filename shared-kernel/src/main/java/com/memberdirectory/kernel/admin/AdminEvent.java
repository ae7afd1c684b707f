package com.memberdirectory.kernel.admin;

/**
 * Every fact recorded about an administrator grant; the {@code Administrator} aggregate folds each of them.
 * Sealed, so that the family is closed: a new event must be named here, and the test of its consumer then fails
 * until it handles the event.
 */
public sealed interface AdminEvent permits AdminGranted, AdminRevoked {
}
