package com.memberdirectory.kernel.field;

import java.util.List;

public record FieldList(List<FieldView> items) {

    public java.util.Optional<FieldView> find(String key) {
        return items.stream().filter(f -> f.key().equals(key)).findFirst();
    }
}
