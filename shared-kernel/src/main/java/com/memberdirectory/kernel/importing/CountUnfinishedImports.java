package com.memberdirectory.kernel.importing;

/** How many imports are queued or running: the admin's, and everyone's together. Answered with {@link UnfinishedImports}. */
public record CountUnfinishedImports(String admin) {
}
