package com.memberdirectory.query.field;

import com.memberdirectory.kernel.field.FieldOption;
import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.field.FieldView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** One field with values (built-in option field or custom field), owned by {@link FieldProjection}. */
@Document("fields")
class FieldDocument {

    @Id
    String key;
    String label;
    FieldType type;
    boolean builtIn;
    List<FieldOption> options;
    /** The catalog version of the last change to this field. */
    long version;
    /** Order of definition, so the list shows fields in the order they were added. */
    long position;

    FieldView toView() {
        return new FieldView(key, label, type, builtIn, options == null ? List.of() : List.copyOf(options));
    }
}
