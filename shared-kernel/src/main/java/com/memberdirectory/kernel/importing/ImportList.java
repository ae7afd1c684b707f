package com.memberdirectory.kernel.importing;

public record ImportList(java.util.List<ImportView> items) {
}
