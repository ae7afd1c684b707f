package com.memberdirectory.kernel.importing;

/** The admin's own most recent imports, newest first. */
public record ListImports(String admin, int limit) {
}
