package com.memberdirectory.kernel.department;

/**
 * Every fact recorded about a department; the {@code Department} aggregate folds each of them. Sealed, so that the
 * family is closed: a new event must be named here, and the test of its consumer then fails until it handles the
 * event.
 */
public sealed interface DepartmentEvent permits DepartmentCreated {
}
