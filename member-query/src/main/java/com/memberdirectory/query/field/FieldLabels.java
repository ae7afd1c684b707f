package com.memberdirectory.query.field;

import com.memberdirectory.kernel.field.BuiltInFields;
import com.memberdirectory.kernel.field.FieldOption;
import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.field.FieldView;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.memberdirectory.query.jobs.JobStorage;
import com.memberdirectory.query.support.DocumentBatch;
import com.memberdirectory.query.support.KeptReadModel;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns stored option ids and canonical custom values into what people read (current option labels,
 * numbers as numbers). Members store ids, so a renamed option shows its new label everywhere at once.
 * The field list is small; it is kept in memory between the field projection's writes ({@link KeptReadModel}).
 */
@Component
public class FieldLabels {

    /**
     * In MongoDB mode another instance may change the catalog: labels read by this one are at most this old (they
     * were kept until this process's own projection wrote, which never happens on an instance without its segment).
     */
    static final Duration SHARED_MAX_AGE = Duration.ofSeconds(1);

    private final KeptReadModel<Map<String, FieldView>> fields;

    @Autowired
    FieldLabels(MongoTemplate mongo, JobStorage storage) {
        this.fields = KeptReadModel.of(storage, SHARED_MAX_AGE, () -> read(mongo));
    }

    /** Labels read from the store on every question (a rebuild's shadow projection). */
    FieldLabels(MongoTemplate mongo) {
        this.fields = KeptReadModel.unkept(() -> read(mongo));
    }

    /** The fields' collections were replaced by a rebuild. */
    void invalidate() {
        fields.changed();
    }

    /** To be told around each of the field projection's writes. */
    DocumentBatch.Writes writes() {
        return fields;
    }

    /** Fields with values (built-in option fields and custom fields), in definition order. */
    public List<FieldView> valueFields() {
        return List.copyOf(fields().values());
    }

    public String optionLabel(String fieldKey, String optionId) {
        if (optionId == null) {
            return null;
        }
        FieldView field = fields().get(fieldKey);
        return field == null ? optionId : field.options().stream().filter(o -> o.id().equals(optionId))
                .map(FieldOption::label).findFirst().orElse(optionId);
    }

    public String jobTitle(String optionId) {
        return optionLabel(BuiltInFields.JOB_TITLE, optionId);
    }

    public String workforceType(String optionId) {
        return optionLabel(BuiltInFields.WORKFORCE_TYPE, optionId);
    }

    /** Custom values as the Member JSON shows them, keyed by field key, in field order. */
    public Map<String, Object> custom(Map<String, List<String>> stored) {
        Map<String, Object> shown = new LinkedHashMap<>();
        if (stored == null || stored.isEmpty()) {
            return shown;
        }
        for (FieldView field : fields().values()) {
            List<String> value = stored.get(field.key());
            if (value != null && !value.isEmpty()) {
                shown.put(field.key(), shown(field, value));
            }
        }
        return shown;
    }

    /** One stored value as shown (for history entries). */
    public Object shown(String fieldKey, List<String> value) {
        FieldView field = fields().get(fieldKey);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return field == null ? value : shown(field, value);
    }

    private Object shown(FieldView field, List<String> value) {
        Function<String, String> label = id -> optionLabel(field.key(), id);
        if (field.type() == FieldType.MULTI_OPTION) {
            return value.stream().map(label).toList();
        }
        String single = value.get(0);
        if (field.type() == FieldType.SINGLE_OPTION) {
            return label.apply(single);
        }
        if (field.type() == FieldType.NUMBER) {
            return new BigDecimal(single);
        }
        return single;
    }

    private Map<String, FieldView> fields() {
        return fields.get();
    }

    private static Map<String, FieldView> read(MongoTemplate mongo) {
        return mongo.find(new Query().with(Sort.by("position", "_id")), FieldDocument.class).stream()
                .map(FieldDocument::toView)
                .collect(Collectors.collectingAndThen(Collectors.toMap(FieldView::key, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new), java.util.Collections::unmodifiableMap));
    }
}
