package com.memberdirectory.command.member;

import com.memberdirectory.command.credentials.LoginPasswords;
import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.command.importing.ImportMarks;
import com.memberdirectory.command.importing.ImportSecrets;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.member.ActivateMember;
import com.memberdirectory.kernel.member.DropOffboardedManager;
import com.memberdirectory.kernel.member.OffboardMember;
import com.memberdirectory.kernel.member.ResumeMember;
import com.memberdirectory.kernel.member.SuspendMember;
import com.memberdirectory.kernel.member.ChooseLoginMethod;
import com.memberdirectory.kernel.member.LoginMethodResult;
import com.memberdirectory.kernel.member.MemberActivated;
import com.memberdirectory.kernel.member.CreateMember;
import com.memberdirectory.kernel.member.FieldChange;
import com.memberdirectory.kernel.member.ImportRow;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberWritten;
import com.memberdirectory.kernel.member.ProfilePhotoChanged;
import com.memberdirectory.kernel.member.SetProfilePhoto;
import com.memberdirectory.kernel.member.UpdateMember;
import com.memberdirectory.kernel.member.ImportMemberRow;
import com.memberdirectory.kernel.member.PreviewMemberRow;
import com.memberdirectory.kernel.member.RowValues;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ApplyMore;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A member of the directory. Command handlers decide and apply one event per changed concern, each one through
 * {@link MemberClaims}; the one event-sourcing handler only folds events into state ({@link MemberRecordFold}).
 */
@Aggregate(cache = "memberCache")
public class Member {

    @AggregateIdentifier
    private MemberId memberId;
    private long version;
    private MemberRecord state;
    private MemberLifecycle lifecycle = MemberLifecycle.NEW;

    protected Member() {
        // for Axon
    }

    @CommandHandler
    public Member(CreateMember command, MemberPolicies rules, UniqueValues unique) {
        MemberChanges fields = command.fields();
        MemberId self = command.memberId();
        MemberAccess.of(unique).checkWrite(command.actor(), List.of(), fields);
        MemberLookupTable.OptionFields options = new MemberLookupTable.OptionFields(unique);
        MemberRecord next = MemberLookupTable.applyRules(MemberRecord.NEW, NewMemberRule.required(fields), self, rules,
                unique, options);
        if (next.userId() == null) {
            next = next.withUserId(MemberLookupTable.generateUserId(rules, unique));
        }
        if (next.managerId() != null) {
            MemberLookupTable.serializeManagerChanges(unique);
        }
        MemberRecord created = next;
        applyEvent(MemberRecordDiff.creation(self, next), unique)
                // In a constructor, events are applied once it returns; option and custom values follow then.
                .andThen(() -> MemberRecordDiff.eventsAfterCreation(memberId, state, created)
                        .forEach(event -> applyEvent(event, unique)));
    }

    @CommandHandler
    public MemberWritten handle(UpdateMember command, MemberPolicies rules, UniqueValues unique,
                                LoginPasswords passwords) {
        checkChange(command.actor(), command.changes(), unique);
        rules.lifecycle().checkChangeable(status());
        VersionCheck.check(command.expectedVersion(), version);
        return recordChange(MemberChange.decide(memberId, state, command.changes(), null, null, rules, unique), unique,
                passwords);
    }

    /** A spreadsheet row: applied once (its mark), a stale version refused only if the row changes something. */
    @CommandHandler
    public MemberWritten handle(ImportMemberRow command, MemberPolicies rules, UniqueValues unique,
                                LoginPasswords passwords, ImportSecrets secrets) {
        ImportRow row = command.row();
        if (ImportMarks.applied(unique, row)) {
            return new MemberWritten(memberId, version);
        }
        MemberChange change = decideRow(command.values(), command.actor(), rules, unique, false);
        MemberWritten written = recordChange(change, unique, passwords);
        if (written.generatedPassword() != null) {
            secrets.keep(row.importId(), memberId, written.generatedPassword());
        }
        ImportMarks.mark(unique, row, memberId.value(), change.changesSomething());
        return written;
    }

    /** A spreadsheet row's dry run: the same decision, answered; no event, no lock, no claim. */
    @CommandHandler
    public MemberWritten handle(PreviewMemberRow command, MemberPolicies rules, UniqueValues unique) {
        MemberChange change = decideRow(command.values(), command.actor(), rules, unique, true);
        change.checkFree(unique, memberId.value());
        return new MemberWritten(memberId, version, change.changes(), null);
    }

    /** A row's decision: the importer's reach, the lifecycle, the rules, the version (stale if it changes something). */
    private MemberChange decideRow(RowValues values, Actor actor, MemberPolicies rules, UniqueValues unique,
                                   boolean preview) {
        checkChange(actor, values.changes(), unique);
        rules.lifecycle().checkChangeable(status());
        MemberChange change = MemberChange.ofRow(memberId, state, values, rules, unique, preview);
        VersionCheck.checkRow(values.expectedVersion(), version, change.changesSomething());
        return change;
    }

    /** Records a decided change: one event per changed concern, then the login decision's. */
    private MemberWritten recordChange(MemberChange change, UniqueValues unique, LoginPasswords passwords) {
        applyDifferences(change.before(), change.after(), unique);
        applyLogin(change.login(), unique, passwords);
        return new MemberWritten(memberId, version, change.changes(), change.login().generated());
    }

    @CommandHandler
    public LoginMethodResult handle(ChooseLoginMethod command, MemberPolicies rules, UniqueValues unique,
                                    LoginPasswords passwords) {
        checkMayChange(command.actor(), unique);
        rules.lifecycle().checkChangeable(status());
        VersionCheck.check(command.expectedVersion(), version);
        if (command.loginEmailType() == null) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "loginEmailType",
                    "Choose WORK_EMAIL or BUSINESS_EMAIL.");
        }
        LoginDecision login = LoginDecision.decide(state, command.loginEmailType(), command.password(),
                command.generatePassword(), false, rules);
        applyLogin(login, unique, passwords);
        return new LoginMethodResult(memberId, version, login.generated());
    }

    /** Records the login decision; a password is kept in the password store, never in an event. */
    private void applyLogin(LoginDecision login, UniqueValues unique, LoginPasswords passwords) {
        login.events(memberId, state).forEach(event -> applyEvent(event, unique));
        // After the events: a login email another member holds has refused the command by then.
        if (login.type() != null && login.password() != null) {
            passwords.store(memberId, login.password());
        }
    }

    /** The first sign-in: idempotent, a member already active stays as it is; never while suspended or offboarded. */
    @CommandHandler
    public MemberWritten handle(ActivateMember command, MemberPolicies rules, UniqueValues unique) {
        checkMayChange(command.actor(), unique);
        rules.lifecycle().checkActivatable(status());
        if (state.status() == MemberStatus.INACTIVE) {
            applyEvent(new MemberActivated(memberId), unique);
        }
        return new MemberWritten(memberId, version);
    }

    @CommandHandler
    public MemberWritten handle(SetProfilePhoto command, MemberPolicies rules, UniqueValues unique) {
        checkMayChange(command.actor(), unique);
        rules.lifecycle().checkChangeable(status());
        VersionCheck.check(command.expectedVersion(), version);
        // The same image again records nothing (the caller then removes the copy it stored). Photos set by
        // revision-1 events have no digest: the first re-upload of such a photo is recorded once, as a change to a
        // new copy of the same image.
        if (state.photoId() != null && command.sha256().equals(state.photoSha256())
                && command.contentType().equals(state.photoContentType())) {
            return new MemberWritten(memberId, version);
        }
        String before = state.photoId();
        applyEvent(new ProfilePhotoChanged(memberId, before, command.photoId(), command.contentType(), command.size(),
                command.sha256()), unique);
        return new MemberWritten(memberId, version, List.of(new FieldChange("photo", before, command.photoId())), null);
    }

    /** Suspends the member (docs/lifecycle.md): idempotent, a suspended member stays as they are. */
    @CommandHandler
    public MemberWritten handle(SuspendMember command, MemberPolicies rules, UniqueValues unique) {
        checkMayChange(command.actor(), unique);
        Optional<LifecycleRule.StatusChange> suspension = rules.lifecycle().suspension(memberId, status());
        VersionCheck.check(command.expectedVersion(), version);
        return applyStatus(suspension, unique);
    }

    /** Lifts the member's suspension, back to INACTIVE or ACTIVE as before: idempotent for a member not suspended. */
    @CommandHandler
    public MemberWritten handle(ResumeMember command, MemberPolicies rules, UniqueValues unique) {
        checkMayChange(command.actor(), unique);
        Optional<LifecycleRule.StatusChange> resumption = rules.lifecycle().resumption(memberId, status(), state.status());
        VersionCheck.check(command.expectedVersion(), version);
        return applyStatus(resumption, unique);
    }

    /**
     * The member leaves the directory (docs/lifecycle.md), all in this command's transaction: every unique value
     * and the member's own entry in the lookup table are released (others may take them at once; nobody can choose
     * the member as a manager any more), and each member who reports to them drops them as manager
     * ({@link DropOffboardedManager}, whatever the caller's reach: it follows from this offboarding). Idempotent.
     */
    @CommandHandler
    public MemberWritten handle(OffboardMember command, MemberPolicies rules, UniqueValues unique,
                                ReportingLines reportingLines, CommandGateway commands) {
        checkMayChange(command.actor(), unique);
        VersionCheck.check(command.expectedVersion(), version);
        Optional<LifecycleRule.StatusChange> offboarding = rules.lifecycle().offboarding(memberId, status());
        if (offboarding.isEmpty()) {
            return new MemberWritten(memberId, version);
        }
        // The offboarded member leaves the manager graph (MemberClaims): serialised as every change of a manager.
        MemberLookupTable.serializeManagerChanges(unique);
        MemberWritten written = applyStatus(offboarding, unique);
        for (MemberId report : reportingLines.reportsOf(memberId)) {
            if (!report.equals(memberId)) {
                commands.sendAndWait(new DropOffboardedManager(report, memberId));
            }
        }
        return written;
    }

    /**
     * The member's direct or dotted-line manager was offboarded: they no longer have that manager. Decided on this
     * member's own state (a member who changed managers meanwhile, or was offboarded, changes nothing).
     */
    @CommandHandler
    public MemberWritten handle(DropOffboardedManager command, UniqueValues unique) {
        MemberId gone = command.offboardedManagerId();
        MemberRecord after = OffboardedManagerRule.drop(state, status(), gone);
        if (!Objects.equals(after.managerId(), state.managerId())) {
            MemberLookupTable.serializeManagerChanges(unique);
        }
        List<FieldChange> changes = MemberRecordDiff.between(state, after);
        applyDifferences(state, after, unique);
        return new MemberWritten(memberId, version, List.copyOf(changes), null);
    }

    /** The status the member shows: their activation, unless suspended or offboarded. */
    private MemberStatus status() {
        return lifecycle.status(state.status());
    }

    /** Whether the actor may make this change: the member, before and after it, within the actor's reach. */
    private void checkChange(Actor actor, MemberChanges changes, UniqueValues unique) {
        MemberAccess.of(unique).checkWrite(actor, state.departmentIds(), changes);
    }

    /** Whether the actor may change this member (docs/permissions.md) by a change that leaves its departments alone. */
    private void checkMayChange(Actor actor, UniqueValues unique) {
        MemberAccess.of(unique).checkMayChange(actor, state.departmentIds());
    }

    /** Records a lifecycle change the policy decided on; nothing when it decided none. */
    private MemberWritten applyStatus(Optional<LifecycleRule.StatusChange> change, UniqueValues unique) {
        if (change.isEmpty()) {
            return new MemberWritten(memberId, version);
        }
        applyEvent(change.get().event(), unique);
        return new MemberWritten(memberId, version, List.of(change.get().change()), null);
    }

    private void applyDifferences(MemberRecord before, MemberRecord after, UniqueValues unique) {
        MemberRecordDiff.events(memberId, before, after).forEach(event -> applyEvent(event, unique));
    }

    /**
     * Every event the member records goes through here, so that the member's lookup-table entries follow each one
     * ({@link MemberClaims}): a handler cannot apply an event and forget a claim or a release. The claims are made
     * before the event is applied, so a refused claim refuses the command with nothing applied.
     */
    private ApplyMore applyEvent(MemberEvent event, UniqueValues unique) {
        MemberRecord before = state == null ? MemberRecord.NEW : state;
        MemberClaims.follow(unique, event, before, MemberRecordFold.apply(before, event), event.memberId().value());
        return AggregateLifecycle.apply(event);
    }

    /** Every event through one path, so the version is kept in one place. */
    @EventSourcingHandler
    void on(MemberEvent event, @SequenceNumber long sequence) {
        if (event instanceof MemberCreated created) {
            memberId = created.memberId();
        }
        version = sequence + 1;
        state = MemberRecordFold.apply(state, event);
        lifecycle = lifecycle.apply(event);
    }
}
