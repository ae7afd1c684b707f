package com.memberdirectory.kernel.field;

public record ListFields() {
}
