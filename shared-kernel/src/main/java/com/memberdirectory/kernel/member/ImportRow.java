package com.memberdirectory.kernel.member;

/**
 * The spreadsheet row a member command comes from. The command records the row as applied in the same
 * transaction as its events, so an import resumed after a crash never applies a row twice.
 */
public record ImportRow(String importId, int rowNumber) {
}
