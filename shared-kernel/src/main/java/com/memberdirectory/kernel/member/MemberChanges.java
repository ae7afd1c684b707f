package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.Patch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The fields a create, a PATCH or a spreadsheet row sets, keyed by the schema's {@link MemberField}s: a field is
 * absent (leave it as it is), present with a value (set), or present with {@code null} (clear) — its
 * {@link #get(MemberField) Patch}. Values are as the caller wrote them, typed as the field's events carry them; the
 * rules of the Member aggregate check and normalise them. {@link #custom()} maps custom-field keys to values as
 * written (text, number, list of option labels); a {@code null} value clears that custom field.
 * <p>
 * A new built-in field needs no line here: a write sets it with {@code builder().set(MemberFields.NICKNAME, "Bo")}.
 */
public final class MemberChanges {

    /** The fields asked for, with their values (null: clear); a field not in the map is absent. */
    private final Map<MemberField<?, ?>, Object> fields;
    private final Patch<Map<String, Object>> custom;

    private MemberChanges(Map<MemberField<?, ?>, Object> fields, Patch<Map<String, Object>> custom) {
        this.fields = fields;
        this.custom = custom;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts from these changes, e.g. to add one more field. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.fields.putAll(fields);
        builder.custom = custom;
        return builder;
    }

    /** What the write asks for the field: absent, or present with its value (null: clear). */
    @SuppressWarnings("unchecked")
    public <V> Patch<V> get(MemberField<V, ?> field) {
        return fields.containsKey(field) ? Patch.of((V) fields.get(field)) : Patch.absent();
    }

    /** The custom-field values the write sets, by key. */
    public Patch<Map<String, Object>> custom() {
        return custom;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemberChanges that && fields.equals(that.fields) && custom.equals(that.custom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields, custom);
    }

    @Override
    public String toString() {
        String set = fields.entrySet().stream().map(entry -> entry.getKey().name() + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
        return "MemberChanges[" + set + (custom.present() ? (set.isEmpty() ? "" : ", ") + "custom=" + custom.value() : "")
                + "]";
    }

    /** Builds {@link MemberChanges}; every setter marks its field as present ({@code null}: clear). */
    public static final class Builder {

        private final Map<MemberField<?, ?>, Object> fields = new LinkedHashMap<>();
        private Patch<Map<String, Object>> custom = Patch.absent();

        private Builder() {
        }

        /**
         * Asks for the field to be set to the value ({@code null}: cleared).
         *
         * @throws IllegalArgumentException for a field no write sets (one derived from others, as the login email)
         */
        public <V> Builder set(MemberField<V, ?> field, V value) {
            if (!field.written()) {
                throw new IllegalArgumentException("No write sets the field " + field.name());
            }
            fields.put(field, value);
            return this;
        }

        /** Leaves the field out again: the write does not ask for it (a new member without a user ID gets one). */
        public Builder leaveOut(MemberField<?, ?> field) {
            fields.remove(field);
            return this;
        }

        public Builder custom(Map<String, Object> value) {
            this.custom = Patch.of(value);
            return this;
        }

        public MemberChanges build() {
            return new MemberChanges(Collections.unmodifiableMap(new LinkedHashMap<>(fields)), custom);
        }
    }
}
