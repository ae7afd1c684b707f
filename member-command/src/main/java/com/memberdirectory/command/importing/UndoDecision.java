package com.memberdirectory.command.importing;

import com.memberdirectory.kernel.member.CustomFieldValueChanged;
import com.memberdirectory.kernel.member.LoginMethodChosen;
import com.memberdirectory.kernel.member.LoginPasswordSet;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberField;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberOffboarded;
import com.memberdirectory.kernel.metadata.MetadataKeys;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what the undo of an import does to one member, from the member's events (docs/undo.md): each field the
 * import changed goes back to the value it had just before the import's change — unless any later event changed that
 * field (anyone, any path, another import or SCIM included): then the member is a conflict and left as it is, with
 * one reason per such field. A member the import created is offboarded if nothing changed it since. Fields are
 * taken from the member field schema ({@link MemberFields}), custom fields by their key; the derived login email
 * follows the addresses it derives from, and the login method and password the import chose are kept (noted).
 * Events of this import's undo itself count as "already undone", so an undo resumed or retried goes on where it was.
 */
public final class UndoDecision {

    private static final String CUSTOM = "custom.";

    private final String importSource;
    private final String undoSource;

    public UndoDecision(String importId) {
        this.importSource = MetadataKeys.SOURCE_IMPORT_PREFIX + importId;
        this.undoSource = MetadataKeys.SOURCE_UNDO_PREFIX + importId;
    }

    public UndoPlan decide(List<RecordedEvent> stream) {
        List<RecordedEvent> events = stream.stream().sorted(Comparator.comparingLong(RecordedEvent::sequence)).toList();
        long version = events.isEmpty() ? 0 : events.get(events.size() - 1).sequence() + 1;
        Map<String, Object> current = current(events);
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Long> lastByImport = new HashMap<>();
        List<String> notes = new ArrayList<>();
        boolean created = false;
        long lastImportSequence = -1;
        for (RecordedEvent recorded : events) {
            if (!importSource.equals(recorded.source())) {
                continue;
            }
            lastImportSequence = recorded.sequence();
            MemberEvent event = recorded.event();
            created |= event instanceof MemberCreated;
            if (event instanceof LoginMethodChosen chosen) {
                notes.add("The login method the import chose (" + chosen.after() + ") is kept.");
            } else if (event instanceof LoginPasswordSet set && set.generated()) {
                notes.add("The password the import generated is kept.");
            }
            String key = key(event);
            if (key != null) {
                if (!before.containsKey(key)) {
                    before.put(key, before(event));
                }
                lastByImport.put(key, recorded.sequence());
            }
        }
        if (lastImportSequence < 0) {
            return plan(UndoPlan.Outcome.NOTHING, Map.of(), current, List.of(), notes, version);
        }
        if (created) {
            return created(events, lastImportSequence, current, version);
        }
        List<String> reasons = new ArrayList<>();
        Map<String, Object> restore = new LinkedHashMap<>();
        boolean undone = false;
        for (Map.Entry<String, Object> field : ordered(before).entrySet()) {
            String key = field.getKey();
            long since = lastByImport.get(key);
            List<RecordedEvent> later = events.stream()
                    .filter(e -> e.sequence() > since && key.equals(key(e.event())) && !importSource.equals(e.source()))
                    .toList();
            Optional<RecordedEvent> other = later.stream().filter(e -> !undoSource.equals(e.source()))
                    .reduce((first, second) -> second);
            if (other.isPresent()) {
                reasons.add(column(key) + ": changed since the import, " + described(other.get()) + ".");
            } else if (!later.isEmpty()) {
                undone = true;
            } else if (!Objects.equals(field.getValue(), current.get(key))) {
                restore.put(key, field.getValue());
            }
        }
        long firstImportSequence = events.stream().filter(e -> importSource.equals(e.source()))
                .mapToLong(RecordedEvent::sequence).min().orElse(0);
        events.stream().filter(e -> e.sequence() > firstImportSequence && e.event() instanceof MemberOffboarded)
                .findFirst().ifPresent(e -> reasons.add("Offboarded since the import, " + described(e) + "."));
        if (!reasons.isEmpty()) {
            // What the undo would have set back: the report offers it, to be imported by hand once looked at.
            return plan(UndoPlan.Outcome.CONFLICT, ordered(before), current, reasons, notes, version);
        }
        if (!restore.isEmpty()) {
            return plan(UndoPlan.Outcome.RESTORE, restore, current, List.of(), notes, version);
        }
        return plan(undone ? UndoPlan.Outcome.ALREADY_UNDONE : UndoPlan.Outcome.NOTHING, Map.of(), current, List.of(),
                notes, version);
    }

    /** A member the import created: offboarded unless something else changed it since. */
    private UndoPlan created(List<RecordedEvent> events, long lastImportSequence, Map<String, Object> current,
                             long version) {
        List<RecordedEvent> later = events.stream()
                .filter(e -> e.sequence() > lastImportSequence && !importSource.equals(e.source())).toList();
        if (later.stream().anyMatch(e -> undoSource.equals(e.source()) && e.event() instanceof MemberOffboarded)) {
            return plan(UndoPlan.Outcome.ALREADY_UNDONE, Map.of(), current, List.of(), List.of(), version);
        }
        List<String> reasons = later.stream().filter(e -> !undoSource.equals(e.source()))
                .map(e -> "Created by the import, then changed (" + e.event().getClass().getSimpleName() + ") "
                        + described(e) + ".")
                .toList();
        return reasons.isEmpty() ? plan(UndoPlan.Outcome.OFFBOARD, Map.of(), current, List.of(), List.of(), version)
                : plan(UndoPlan.Outcome.CONFLICT, Map.of(), current, reasons, List.of(), version);
    }

    /** The member's values now: what it was created with, then each change. */
    private static Map<String, Object> current(List<RecordedEvent> events) {
        Map<String, Object> values = new HashMap<>();
        for (RecordedEvent recorded : events) {
            MemberEvent event = recorded.event();
            if (event instanceof MemberCreated created) {
                for (MemberField<?, ?> field : MemberFields.ALL) {
                    if (field.inCreated()) {
                        values.put(field.name(), field.created(created));
                    }
                }
            } else if (event instanceof CustomFieldValueChanged custom) {
                values.put(CUSTOM + custom.fieldKey(), custom.after());
            } else {
                MemberFields.changedBy(event).ifPresent(field -> values.put(field.name(), field.after(event)));
            }
        }
        return values;
    }

    /** The field a change event is of ({@code custom.<key>} for a custom field); null for other events. */
    private static String key(MemberEvent event) {
        if (event instanceof CustomFieldValueChanged custom) {
            return CUSTOM + custom.fieldKey();
        }
        // The login email is derived: it follows the addresses the undo restores, it is never set back by itself.
        return MemberFields.changedBy(event).filter(field -> !field.isDerived()).map(MemberField::name).orElse(null);
    }

    private static Object before(MemberEvent event) {
        if (event instanceof CustomFieldValueChanged custom) {
            return custom.before();
        }
        return MemberFields.changedBy(event).<Object>map(field -> field.before(event)).orElse(null);
    }

    /** The fields in the schema's order (a write records them in it), then the custom fields by key. */
    private static Map<String, Object> ordered(Map<String, Object> fields) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (MemberField<?, ?> field : MemberFields.ALL) {
            if (fields.containsKey(field.name())) {
                ordered.put(field.name(), fields.get(field.name()));
            }
        }
        fields.keySet().stream().filter(key -> key.startsWith(CUSTOM)).sorted()
                .forEach(key -> ordered.put(key, fields.get(key)));
        return ordered;
    }

    static String column(String key) {
        return ColumnNames.of(key);
    }

    private static String described(RecordedEvent e) {
        return "on " + e.at().truncatedTo(ChronoUnit.SECONDS) + " by " + e.actor() + " (" + e.source() + ")";
    }

    private static UndoPlan plan(UndoPlan.Outcome outcome, Map<String, Object> restore, Map<String, Object> current,
                                 List<String> reasons, List<String> notes, long version) {
        return new UndoPlan(outcome, restore, current, reasons, List.copyOf(notes), version);
    }
}
