package com.memberdirectory.kernel.admin;

public record ListAdmins() {
}
