package com.memberdirectory.app.http;

/** The {@code page} and {@code size} parameters of the paged lists (members, change list). */
public final class Paging {

    /**
     * The highest page number: far beyond any directory, and low enough that {@code page * size} stays well inside
     * an int (the store's skip) for every allowed size.
     */
    public static final int MAX_PAGE = 1_000_000;

    private Paging() {
    }

    /** Refuses a page below 0 or above {@link #MAX_PAGE}, and a size outside 1..maxSize, with 400 on the parameter. */
    public static void check(int page, int size, int maxSize) {
        if (page < 0 || page > MAX_PAGE) {
            throw ApiException.badField("page", "'page' is between 0 and " + MAX_PAGE + ".");
        }
        if (size < 1 || size > maxSize) {
            throw ApiException.badField("size", "'size' is between 1 and " + maxSize + ".");
        }
    }
}
