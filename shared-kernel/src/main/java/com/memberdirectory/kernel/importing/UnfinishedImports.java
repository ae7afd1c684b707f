package com.memberdirectory.kernel.importing;

/** Imports queued or running (dry runs included): one admin's, and everyone's together. */
public record UnfinishedImports(long ofAdmin, long inTotal) {
}
