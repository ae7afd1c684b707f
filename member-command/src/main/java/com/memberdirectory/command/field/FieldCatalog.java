package com.memberdirectory.command.field;

import com.memberdirectory.kernel.access.DirectoryWideChanges;
import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.field.BuiltInFields;
import com.memberdirectory.kernel.field.ChangeFieldOptions;
import com.memberdirectory.kernel.field.DefineField;
import com.memberdirectory.kernel.field.FieldCatalogInitialized;
import com.memberdirectory.kernel.field.FieldCatalogWritten;
import com.memberdirectory.kernel.field.FieldDefined;
import com.memberdirectory.kernel.field.FieldOption;
import com.memberdirectory.kernel.field.FieldOptionsChanged;
import com.memberdirectory.kernel.field.FieldRenamed;
import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.field.FieldView;
import com.memberdirectory.kernel.field.InitializeFieldCatalog;
import com.memberdirectory.kernel.field.OptionInput;
import com.memberdirectory.kernel.field.RenameField;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The directory's field definitions (docs/member-record.md, Field management): built-in option fields and custom
 * fields with their options.
 * Besides its events it keeps the lookup rows members are validated against (field types, option ids and
 * labels), in the same transaction, so a member command never sees a half-changed catalog.
 */
@Aggregate
public class FieldCatalog {

    /** A field as the catalog knows it. */
    private record Definition(String key, String label, FieldType type, boolean builtIn, List<FieldOption> options) {
    }

    @AggregateIdentifier
    private String catalogId;
    private long version;
    private boolean initialized;
    private final Map<String, Definition> fields = new LinkedHashMap<>();

    public FieldCatalog() {
        BuiltInFields.OPTION_FIELDS.forEach(f -> fields.put(f.key(), new Definition(f.key(), f.label(), f.type(), true, List.of())));
    }

    /** Idempotent: the first call records the built-in fields' preset options, later calls change nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public FieldCatalogWritten handle(InitializeFieldCatalog command, UniqueValues unique) {
        if (initialized) {
            return new FieldCatalogWritten(version);
        }
        apply(new FieldCatalogInitialized(BuiltInFields.CATALOG_ID));
        for (FieldView field : BuiltInFields.OPTION_FIELDS) {
            unique.claim(UniqueKind.FIELD_KEY, field.key().toLowerCase(Locale.ROOT), field.key());
            unique.claim(UniqueKind.FIELD, field.key(), field.type().name());
            if (!field.options().isEmpty()) {
                field.options().forEach(option -> claimOption(unique, field.key(), option));
                apply(new FieldOptionsChanged(field.key(), List.of(), field.options()));
            }
        }
        return new FieldCatalogWritten(version);
    }

    @CommandHandler
    public FieldCatalogWritten handle(DefineField command, FieldDefinitionRules rules, UniqueValues unique) {
        DirectoryWideChanges.requireOrganizationWide(command.actor(), "Adding a field");
        requireInitialized();
        String key = rules.key(command.key());
        String label = rules.label(command.label());
        FieldType type = rules.customType(command.type());
        List<String> labels = command.options() == null ? List.of() : rules.optionLabels(command.options());
        if (!type.hasOptions() && !labels.isEmpty()) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "options", "Only option fields have options.");
        }
        boolean taken = fields.keySet().stream().anyMatch(existing -> existing.equalsIgnoreCase(key))
                || unique.ownerOf(UniqueKind.FIELD_KEY, key.toLowerCase(Locale.ROOT)).isPresent();
        if (taken || !unique.claim(UniqueKind.FIELD_KEY, key.toLowerCase(Locale.ROOT), key)) {
            throw new DomainRuleViolation(ErrorCode.DUPLICATE_VALUE, "key",
                    "The key '" + key + "' is or was in use; keys are never reused.");
        }
        unique.claim(UniqueKind.FIELD, key, type.name());
        List<FieldOption> options = labels.stream().map(l -> new FieldOption(newOptionId(), l)).toList();
        options.forEach(option -> claimOption(unique, key, option));
        apply(new FieldDefined(key, label, type, options));
        return new FieldCatalogWritten(version);
    }

    @CommandHandler
    public FieldCatalogWritten handle(RenameField command, FieldDefinitionRules rules, UniqueValues unique) {
        DirectoryWideChanges.requireOrganizationWide(command.actor(), "Renaming a field");
        requireInitialized();
        Definition field = existing(command.key());
        String label = rules.label(command.label());
        if (!label.equals(field.label())) {
            apply(new FieldRenamed(field.key(), field.label(), label));
        }
        return new FieldCatalogWritten(version);
    }

    @CommandHandler
    public FieldCatalogWritten handle(ChangeFieldOptions command, FieldDefinitionRules rules, UniqueValues unique) {
        DirectoryWideChanges.requireOrganizationWide(command.actor(), "Changing a field's options");
        requireInitialized();
        Definition field = existing(command.key());
        if (!field.type().hasOptions()) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "key", "'" + field.key() + "' has no options.");
        }
        List<OptionInput> inputs = command.options() == null ? List.of() : command.options();
        List<String> labels = rules.optionLabels(inputs.stream().map(OptionInput::label).toList());
        Map<String, FieldOption> current = field.options().stream()
                .collect(Collectors.toMap(FieldOption::id, o -> o, (a, b) -> a, LinkedHashMap::new));
        List<FieldOption> after = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String id = inputs.get(i).id();
            if (id != null && !current.containsKey(id)) {
                throw new DomainRuleViolation(ErrorCode.UNKNOWN_OPTION, "options[" + i + "].id",
                        "The field '" + field.key() + "' has no option '" + id + "'.");
            }
            after.add(new FieldOption(id == null ? newOptionId() : id, labels.get(i)));
        }
        Set<String> kept = after.stream().map(FieldOption::id).collect(Collectors.toSet());
        List<FieldOption> removed = field.options().stream().filter(o -> !kept.contains(o.id())).toList();
        if (!removed.isEmpty()) {
            OptionUse.serialize(unique, field.key());
        }
        for (FieldOption option : removed) {
            long users = unique.count(UniqueKind.OPTION_USE, field.key() + "/" + option.id() + "/");
            if (users > 0) {
                throw new DomainRuleViolation(ErrorCode.OPTION_IN_USE, "options",
                        "The option '" + option.label() + "' is used by " + users + (users == 1 ? " member" : " members")
                                + "; change their " + field.label() + " first.");
            }
        }
        if (after.equals(field.options())) {
            return new FieldCatalogWritten(version);
        }
        field.options().forEach(option -> releaseOption(unique, field.key(), option));
        after.forEach(option -> claimOption(unique, field.key(), option));
        apply(new FieldOptionsChanged(field.key(), field.options(), List.copyOf(after)));
        return new FieldCatalogWritten(version);
    }

    private void requireInitialized() {
        if (!initialized) {
            throw new IllegalStateException("The field catalog is set up at start; it is not yet");
        }
    }

    private Definition existing(String key) {
        Definition field = key == null ? null : fields.get(key);
        if (field == null) {
            throw new DomainRuleViolation(ErrorCode.NOT_FOUND, "key", "There is no field '" + key + "'.");
        }
        return field;
    }

    private static void claimOption(UniqueValues unique, String key, FieldOption option) {
        unique.claim(UniqueKind.FIELD_OPTION, key + "/" + option.id(), option.label());
        unique.claim(UniqueKind.FIELD_OPTION_LABEL, key + "/" + option.label().toLowerCase(Locale.ROOT), option.id());
    }

    private static void releaseOption(UniqueValues unique, String key, FieldOption option) {
        unique.release(UniqueKind.FIELD_OPTION, key + "/" + option.id(), option.label());
        unique.release(UniqueKind.FIELD_OPTION_LABEL, key + "/" + option.label().toLowerCase(Locale.ROOT), option.id());
    }

    private static String newOptionId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @EventSourcingHandler
    void on(FieldCatalogInitialized event, @SequenceNumber long sequence) {
        catalogId = event.catalogId();
        version = sequence + 1;
        initialized = true;
    }

    @EventSourcingHandler
    void on(FieldDefined event, @SequenceNumber long sequence) {
        version = sequence + 1;
        fields.put(event.key(), new Definition(event.key(), event.label(), event.type(), false, List.copyOf(event.options())));
    }

    @EventSourcingHandler
    void on(FieldRenamed event, @SequenceNumber long sequence) {
        version = sequence + 1;
        Definition field = fields.get(event.key());
        fields.put(event.key(), new Definition(field.key(), event.after(), field.type(), field.builtIn(), field.options()));
    }

    @EventSourcingHandler
    void on(FieldOptionsChanged event, @SequenceNumber long sequence) {
        version = sequence + 1;
        Definition field = fields.get(event.key());
        fields.put(event.key(), new Definition(field.key(), field.label(), field.type(), field.builtIn(),
                List.copyOf(Objects.requireNonNull(event.after()))));
    }
}
