package com.memberdirectory.kernel.admin;

/** Ask for one administrator grant, once the admin list reflects at least {@code minVersion}. */
public record FindAdmin(String subject, long minVersion) {
}
