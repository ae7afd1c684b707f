package com.memberdirectory.kernel.field;

import java.util.List;

public record FieldView(String key, String label, FieldType type, boolean builtIn, List<FieldOption> options) {
}
