package com.memberdirectory.command.member;

import com.memberdirectory.command.admin.WriteAccessPolicy;
import com.memberdirectory.command.credentials.LoginPasswords;
import com.memberdirectory.command.department.DepartmentAncestry;
import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.command.field.OptionUse;
import com.memberdirectory.command.importing.ImportMarks;
import com.memberdirectory.command.importing.ImportSecrets;
import com.memberdirectory.command.uniqueness.CommandLocks;
import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.ActivateMember;
import com.memberdirectory.kernel.field.BuiltInFields;
import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.member.ChooseLoginMethod;
import com.memberdirectory.kernel.member.LoginMethodChosen;
import com.memberdirectory.kernel.member.LoginMethodResult;
import com.memberdirectory.kernel.member.LoginPasswordSet;
import com.memberdirectory.kernel.member.MemberActivated;
import com.memberdirectory.kernel.member.CreateMember;
import com.memberdirectory.kernel.member.FieldChange;
import com.memberdirectory.kernel.member.ImportRow;
import com.memberdirectory.kernel.member.LoginEmailChanged;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberWritten;
import com.memberdirectory.kernel.member.ProfilePhotoChanged;
import com.memberdirectory.kernel.member.SetProfilePhoto;
import com.memberdirectory.kernel.member.UpdateMember;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member of the directory. Command handlers decide (rules, uniqueness claims) and apply one event per
 * changed concern; the one event-sourcing handler only folds events into state ({@link MemberRecordFold}).
 */
@Aggregate(cache = "memberCache")
public class Member {

    /** Name of the lookup-table row that serialises changes of direct managers (see {@link #serializeManagerChanges}). */
    private static final String MANAGER_GRAPH = "manager-graph";

    @AggregateIdentifier
    private MemberId memberId;
    private long version;
    private MemberRecord state;

    protected Member() {
        // for Axon
    }

    @CommandHandler
    public Member(CreateMember command, MemberPolicies rules, UniqueValues unique) {
        MemberChanges fields = command.fields();
        MemberChanges.Builder required = fields.toBuilder();
        if (fields.userId().present() && (fields.userId().value() == null || fields.userId().value().isBlank())) {
            required.keepUserId();
        }
        if (!fields.name().present()) {
            required.name(null);
        }
        if (!fields.departmentIds().present()) {
            required.departmentIds(null);
        }
        MemberId self = command.memberId();
        access(unique).checkMemberChange(command.actor(), List.of(),
                fields.departmentIds().present() ? ids(fields.departmentIds().value()) : List.of());
        OptionFields options = new OptionFields(unique);
        MemberRecord next = applyRules(MemberRecord.NEW, required.build(), self, rules, unique, options);
        String owner = self.value();
        if (next.userId() == null) {
            next = next.withUserId(generateUserId(rules, unique, owner));
        }
        if (next.managerId() != null) {
            serializeManagerChanges(unique);
        }
        // A new member signs in with its work email (MemberCreated's loginEmail): that address is claimed as a login too.
        MemberUniqueness.reclaim(unique, MemberRecord.NEW, next.withLoginEmail(next.workEmail()), owner);
        recordOptionUse(unique, options, MemberRecord.NEW, next, owner);
        unique.claim(UniqueKind.MEMBER, owner, owner);
        if (next.managerId() != null) {
            unique.claim(UniqueKind.MANAGER, owner, next.managerId().value());
        }
        MemberRecord created = next;
        apply(new MemberCreated(self, next.name(), next.surname(), next.firstName(), next.alias(), next.userId(),
                next.workEmail(), next.businessEmail(), next.phone(), next.hidePhone(), next.gender(),
                next.departmentIds(), next.seatId(), next.employeeId(), next.employmentDate(), next.countryRegion(),
                next.city(), next.managerId(), next.dottedLineManagerIds(), LoginEmailType.WORK_EMAIL, next.workEmail()))
                // In a constructor, events are applied once it returns; option and custom values follow then.
                .andThen(() -> MemberRecordDiff.eventsAfterCreation(memberId, state, created).forEach(AggregateLifecycle::apply));
    }

    @CommandHandler
    public MemberWritten handle(UpdateMember command, MemberPolicies rules, UniqueValues unique,
                                LoginPasswords passwords, ImportSecrets secrets) {
        ImportRow row = command.importRow();
        if (row != null && !command.dryRun() && ImportMarks.applied(unique, row)) {
            return new MemberWritten(memberId, version);
        }
        MemberRecord before = state;
        access(unique).checkMemberChange(command.actor(), ids(before.departmentIds()),
                ids(command.changes().departmentIds().orElse(before.departmentIds())));
        if (row == null) {
            checkVersion(command.expectedVersion());
        }
        String owner = memberId.value();
        boolean managerChanges = !Objects.equals(command.changes().managerId().orElse(before.managerId()), before.managerId());
        if (managerChanges) {
            serializeManagerChanges(unique);
        }
        OptionFields options = new OptionFields(unique);
        MemberRecord after = applyRules(before, command.changes(), memberId, rules, unique, options);
        RowLoginPasswordRule.check(command.loginPassword(), command.loginEmailType(), after.status(), rules.password());
        LoginDecision login = command.loginEmailType() == null ? LoginDecision.NONE
                : decideLogin(after, command.loginEmailType(), command.loginPassword(), false, true, rules);
        // A row naming the login type sets the login email through applyLogin; otherwise it follows the contact address.
        MemberRecord claimed = after.withLoginEmail(login.type() != null ? login.loginEmail()
                : LoginEmailRule.follow(before, after));
        if (login.type() == null) {
            after = claimed;
        }
        List<FieldChange> changes = new ArrayList<>(MemberRecordDiff.between(before, after));
        changes.addAll(login.changes(before));
        if (row != null && command.expectedVersion() != null && command.expectedVersion() != version && !changes.isEmpty()) {
            throw new DomainRuleViolation(ErrorCode.VERSION_CONFLICT, "version",
                    "The member was changed after the export (version " + version + ", the row has "
                            + command.expectedVersion() + "); export again and redo this row.");
        }
        if (command.dryRun()) {
            MemberUniqueness.checkFree(unique, before, claimed, owner);
            return new MemberWritten(memberId, version, List.copyOf(changes), null);
        }
        MemberUniqueness.reclaim(unique, before, claimed, owner);
        recordOptionUse(unique, options, before, after, owner);
        if (managerChanges) {
            if (before.managerId() != null) {
                unique.release(UniqueKind.MANAGER, owner, before.managerId().value());
            }
            if (after.managerId() != null) {
                unique.claim(UniqueKind.MANAGER, owner, after.managerId().value());
            }
        }
        applyDifferences(before, after);
        applyLogin(login, passwords);
        if (login.generated() != null && row != null) {
            secrets.keep(row.importId(), memberId, login.generated());
        }
        if (row != null) {
            ImportMarks.mark(unique, row, owner, !changes.isEmpty());
        }
        return new MemberWritten(memberId, version, List.copyOf(changes), login.generated());
    }

    @CommandHandler
    public LoginMethodResult handle(ChooseLoginMethod command, MemberPolicies rules, UniqueValues unique,
                                    LoginPasswords passwords) {
        checkMayChange(command.actor(), unique);
        checkVersion(command.expectedVersion());
        if (command.loginEmailType() == null) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "loginEmailType",
                    "Choose WORK_EMAIL or BUSINESS_EMAIL.");
        }
        LoginDecision login = decideLogin(state, command.loginEmailType(), command.password(),
                command.generatePassword(), false, rules);
        MemberUniqueness.reclaim(unique, state, state.withLoginEmail(login.loginEmail()), memberId.value());
        applyLogin(login, passwords);
        return new LoginMethodResult(memberId, version, login.generated());
    }

    /** What choosing a login method means for this member: the new type, login email and password. */
    private record LoginDecision(LoginEmailType type, String loginEmail, String password, String generated) {

        static final LoginDecision NONE = new LoginDecision(null, null, null, null);

        List<FieldChange> changes(MemberRecord before) {
            List<FieldChange> changes = new ArrayList<>();
            if (type != null && type != before.loginEmailType()) {
                changes.add(new FieldChange("loginEmailType", before.loginEmailType(), type));
            }
            if (type != null && !Objects.equals(loginEmail, before.loginEmail())) {
                changes.add(new FieldChange("loginEmail", before.loginEmail(), loginEmail));
            }
            if (password != null) {
                changes.add(new FieldChange("hasLoginPassword", before.hasLoginPassword(), true));
            }
            return changes;
        }
    }

    /**
     * SPEC §2.2: only while inactive; BUSINESS_EMAIL needs a business email and a password — given,
     * generated on request ({@code generate}), or generated because the member has none
     * ({@code generateIfMissing}, as a spreadsheet row asks).
     */
    private static LoginDecision decideLogin(MemberRecord member, LoginEmailType type, String password, boolean generate,
                                             boolean generateIfMissing, MemberPolicies rules) {
        if (member.status() == MemberStatus.ACTIVE) {
            // A spreadsheet row repeats the login type it was exported with: harmless when it is unchanged.
            if (generateIfMissing && type == member.loginEmailType()) {
                return LoginDecision.NONE;
            }
            throw new DomainRuleViolation(ErrorCode.MEMBER_ACTIVE, "loginEmailType",
                    "The login method can only be chosen while the member is inactive.");
        }
        String generated = null;
        if (password != null) {
            rules.password().check(password);
        } else if (generate || generateIfMissing && type == LoginEmailType.BUSINESS_EMAIL && !member.hasLoginPassword()) {
            generated = rules.password().generate();
            password = generated;
        }
        String loginEmail;
        if (type == LoginEmailType.BUSINESS_EMAIL) {
            LoginEmailRule.checkChoosable(member, type);
            if (password == null && !member.hasLoginPassword()) {
                throw new DomainRuleViolation(ErrorCode.WEAK_PASSWORD, "password",
                        "Signing in with the business email needs a login password: set one or ask for a generated one.");
            }
            loginEmail = member.businessEmail();
        } else {
            loginEmail = member.workEmail();
        }
        return new LoginDecision(type, loginEmail, password, generated);
    }

    private void applyLogin(LoginDecision login, LoginPasswords passwords) {
        if (login.type() == null) {
            return;
        }
        if (login.type() != state.loginEmailType()) {
            apply(new LoginMethodChosen(memberId, state.loginEmailType(), login.type()));
        }
        if (!Objects.equals(login.loginEmail(), state.loginEmail())) {
            apply(new LoginEmailChanged(memberId, state.loginEmail(), login.loginEmail()));
        }
        if (login.password() != null) {
            passwords.store(memberId, login.password());
            apply(new LoginPasswordSet(memberId, login.generated() != null));
        }
    }

    /** The first sign-in: idempotent, a member already active stays as it is. */
    @CommandHandler
    public MemberWritten handle(ActivateMember command, UniqueValues unique) {
        checkMayChange(command.actor(), unique);
        if (state.status() == MemberStatus.INACTIVE) {
            apply(new MemberActivated(memberId));
        }
        return new MemberWritten(memberId, version);
    }

    @CommandHandler
    public MemberWritten handle(SetProfilePhoto command, UniqueValues unique) {
        checkMayChange(command.actor(), unique);
        checkVersion(command.expectedVersion());
        // The same image again records nothing (the caller then removes the copy it stored). Photos set by
        // revision-1 events have no digest: the first re-upload of such a photo is recorded once, as a change to a
        // new copy of the same image.
        if (state.photoId() != null && command.sha256().equals(state.photoSha256())
                && command.contentType().equals(state.photoContentType())) {
            return new MemberWritten(memberId, version);
        }
        String before = state.photoId();
        apply(new ProfilePhotoChanged(memberId, before, command.photoId(), command.contentType(), command.size(),
                command.sha256()));
        return new MemberWritten(memberId, version, List.of(new FieldChange("photo", before, command.photoId())), null);
    }

    /** SPEC §1 for a change that leaves the member's departments as they are. */
    private void checkMayChange(Actor actor, UniqueValues unique) {
        List<String> departments = ids(state.departmentIds());
        access(unique).checkMemberChange(actor, departments, departments);
    }

    private static WriteAccessPolicy access(UniqueValues unique) {
        return new WriteAccessPolicy(DepartmentAncestry.of(unique));
    }

    private static List<String> ids(List<DepartmentId> departments) {
        return departments == null ? List.of() : departments.stream().filter(Objects::nonNull).map(DepartmentId::value).toList();
    }

    private void checkVersion(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != version) {
            throw new DomainRuleViolation(ErrorCode.VERSION_CONFLICT, "version",
                    "The member was changed meanwhile: it is at version " + version + ", not "
                            + expectedVersion + ". Reload it and try again.");
        }
    }

    private void applyDifferences(MemberRecord before, MemberRecord after) {
        MemberRecordDiff.events(memberId, before, after).forEach(AggregateLifecycle::apply);
    }

    /**
     * The member after the changes, by the rules. When it starts using an option it did not use before, the option
     * lists of those fields must not change under our feet ({@link OptionUse}): their locks are taken and the rules
     * applied again under them, so an option removed meanwhile is refused instead of being recorded as used. A
     * change that keeps or clears its options takes no lock (an import row that leaves the job title as it is
     * used to claim and release it, and every row of every import waited on the same lock).
     */
    private static MemberRecord applyRules(MemberRecord before, MemberChanges changes, MemberId id, MemberPolicies rules,
                                           UniqueValues unique, OptionFields options) {
        MemberRecord after = MemberRulebook.apply(before, changes, id, rules, lookups(unique), fieldLookups(unique));
        Set<String> locked = new TreeSet<>();
        Set<String> starting = fieldsStartingToUseAnOption(before, after, options);
        while (!locked.containsAll(starting)) {
            for (String fieldKey : starting) { // sorted: locks are always taken in the same order
                if (locked.add(fieldKey)) {
                    OptionUse.serialize(unique, fieldKey);
                }
            }
            after = MemberRulebook.apply(before, changes, id, rules, lookups(unique), fieldLookups(unique));
            starting = fieldsStartingToUseAnOption(before, after, options);
        }
        return after;
    }

    private static Set<String> fieldsStartingToUseAnOption(MemberRecord before, MemberRecord after, OptionFields options) {
        Map<String, List<String>> old = options.valuesOf(before);
        Set<String> fields = new TreeSet<>();
        options.valuesOf(after).forEach((fieldKey, ids) -> {
            if (!old.getOrDefault(fieldKey, List.of()).containsAll(ids)) {
                fields.add(fieldKey);
            }
        });
        return fields;
    }

    /** Keeps the lookup table's record of who uses which option in step with the member's values. */
    private static void recordOptionUse(UniqueValues unique, OptionFields options, MemberRecord before, MemberRecord after,
                                        String owner) {
        Map<String, List<String>> old = options.valuesOf(before);
        Map<String, List<String>> now = options.valuesOf(after);
        old.forEach((key, ids) -> ids.stream().filter(id -> !now.getOrDefault(key, List.of()).contains(id))
                .forEach(id -> OptionUse.stopUsing(unique, key, id, owner)));
        now.forEach((key, ids) -> ids.stream().filter(id -> !old.getOrDefault(key, List.of()).contains(id))
                .forEach(id -> OptionUse.use(unique, key, id, owner)));
    }

    /** The option values of a member by field; which fields have options is looked up once per command. */
    private static final class OptionFields {

        private final UniqueValues unique;
        private final Map<String, Boolean> hasOptions = new HashMap<>();

        OptionFields(UniqueValues unique) {
            this.unique = unique;
        }

        Map<String, List<String>> valuesOf(MemberRecord record) {
            Map<String, List<String>> values = new HashMap<>();
            if (record.jobTitleId() != null) {
                values.put(BuiltInFields.JOB_TITLE, List.of(record.jobTitleId()));
            }
            if (record.workforceTypeId() != null) {
                values.put(BuiltInFields.WORKFORCE_TYPE, List.of(record.workforceTypeId()));
            }
            record.custom().forEach((key, value) -> {
                if (hasOptions.computeIfAbsent(key, k -> unique.ownerOf(UniqueKind.FIELD, k).map(FieldType::valueOf)
                        .map(FieldType::hasOptions).orElse(false))) {
                    values.put(key, value);
                }
            });
            return values;
        }
    }

    private static FieldLookups fieldLookups(UniqueValues unique) {
        return new FieldLookups() {
            @Override
            public Optional<FieldType> typeOf(String fieldKey) {
                return unique.ownerOf(UniqueKind.FIELD, fieldKey).map(FieldType::valueOf);
            }

            @Override
            public Optional<String> optionIdByLabel(String fieldKey, String label) {
                return unique.ownerOf(UniqueKind.FIELD_OPTION_LABEL, fieldKey + "/" + label.toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public boolean hasOptions(String fieldKey) {
                return unique.count(UniqueKind.FIELD_OPTION, fieldKey + "/") > 0;
            }
        };
    }

    private static MemberLookups lookups(UniqueValues unique) {
        return new MemberLookups() {
            @Override
            public boolean departmentExists(DepartmentId id) {
                return unique.ownerOf(UniqueKind.DEPARTMENT, id.value()).isPresent();
            }

            @Override
            public boolean memberExists(MemberId id) {
                return unique.ownerOf(UniqueKind.MEMBER, id.value()).isPresent();
            }

            @Override
            public MemberId managerOf(MemberId id) {
                return unique.ownerOf(UniqueKind.MANAGER, id.value()).map(MemberId::new).orElse(null);
            }
        };
    }

    /**
     * Two concurrent changes could each pass the cycle check alone and form a cycle together (A→B while
     * B→A). Claiming and releasing one shared row in the command's transaction makes such changes wait for
     * each other: the second sees the first's committed managers.
     */
    private static void serializeManagerChanges(UniqueValues unique) {
        CommandLocks.serialize(unique, MANAGER_GRAPH);
    }

    private static String generateUserId(MemberPolicies rules, UniqueValues unique, String owner) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String candidate = rules.userId().generate();
            if (unique.ownerOf(UniqueKind.USER_ID, MemberFields.USER_ID.uniqueness().key(candidate)).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("Could not generate a free user ID");
    }

    /** Every event through one path, so the version is kept in one place. */
    @EventSourcingHandler
    void on(MemberEvent event, @SequenceNumber long sequence) {
        if (event instanceof MemberCreated created) {
            memberId = created.memberId();
        }
        version = sequence + 1;
        state = MemberRecordFold.apply(state, event);
    }
}
