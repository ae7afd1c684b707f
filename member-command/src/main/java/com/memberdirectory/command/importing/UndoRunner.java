package com.memberdirectory.command.importing;

import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.kernel.importing.FinishImport;
import com.memberdirectory.kernel.importing.ImportCounts;
import com.memberdirectory.kernel.importing.ImportQueued;
import com.memberdirectory.kernel.importing.ImportStatus;
import com.memberdirectory.kernel.importing.ImportUndoQueued;
import com.memberdirectory.kernel.importing.RecordImportProgress;
import com.memberdirectory.kernel.importing.StartImportRun;
import com.memberdirectory.kernel.member.ImportRow;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberWritten;
import com.memberdirectory.kernel.member.OffboardMember;
import com.memberdirectory.kernel.member.ImportMemberRow;
import com.memberdirectory.kernel.member.PreviewMemberRow;
import com.memberdirectory.kernel.member.RowValues;
import com.memberdirectory.kernel.metadata.MetadataKeys;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static com.memberdirectory.kernel.support.DaemonThreads.daemonThreads;

/**
 * Runs the undo of an import (docs/undo.md). The members the import changed come from its row marks in the lookup
 * table ({@link ImportMarks#changedMembers}); for each, {@link UndoDecision} reads the member's own events and decides,
 * and the undo sends an {@link ImportMemberRow} (or an {@link OffboardMember}), decided by the rules any other write
 * is, with the version it decided on — a member changed in between is decided again — and marked with the undo's row,
 * so a run resumed after a crash skips members already set back (a dry run sends {@link PreviewMemberRow}s).
 * Finishes with the counts and the report: every member, what was set back or why not, in the workbook layout so
 * that it imports back.
 */
public final class UndoRunner {

    private static final Logger log = LoggerFactory.getLogger(UndoRunner.class);
    private static final int PROGRESS_EVERY = 1_000;
    /** A member changed between the decision and the write is decided again, this many times at most. */
    private static final int ATTEMPTS = 3;
    /**
     * Members started and not yet in the report, per worker: room for a member that takes longer (decided again) while
     * the others go on; the rows waiting for it are what the report keeps in memory.
     */
    private static final int WINDOW_PER_WORKER = 4;
    /**
     * Members' events read at once. The workers mostly wait for their command; were all of them to read at once, they
     * would queue for the database's connections (which the command writer and the read models need too) and spin
     * in the pool while the writer's own reads wait behind theirs.
     */
    private static final int READERS = 4;

    private final CommandGateway commands;
    private final UniqueValues lookups;
    private final ImportFiles files;
    private final ImportCatalog catalog;
    private final EventStore events;
    private final int workers;
    private final Semaphore readers = new Semaphore(READERS);

    public UndoRunner(CommandGateway commands, UniqueValues lookups, ImportFiles files, ImportCatalog catalog,
                      EventStore events, int workers) {
        this.commands = commands;
        this.lookups = lookups;
        this.files = files;
        this.catalog = catalog;
        this.events = events;
        this.workers = workers;
    }

    /**
     * Runs the undo until it ends, or until {@code stop} is asked: then it sets back no further member, records no end
     * and throws {@link RunStop.Stopped} (the segment's next holder resumes the undo).
     */
    public void run(ImportUndoQueued job, RunStop stop) {
        MetaData meta = MetaData.with(MetadataKeys.ACTOR, job.admin())
                .and(MetadataKeys.SOURCE, MetadataKeys.SOURCE_UNDO_PREFIX + job.importId())
                .and(MetadataKeys.CORRELATION_ID, job.undoId());
        try {
            SortedMap<Integer, String> members = ImportMarks.changedMembers(lookups, job.importId());
            Boolean go = commands.sendAndWait(new StartImportRun(job.undoId(), members.size()), meta);
            if (!Boolean.TRUE.equals(go)) {
                return;
            }
            apply(job, meta, members, stop);
        } catch (RunStop.Stopped stopped) {
            log.warn("Undo {} of import {} stopped before its end; it is resumed where it stands. {}", job.undoId(),
                    job.importId(), stopped.getMessage());
            throw stopped;
        } catch (java.io.IOException | RuntimeException | Error e) {
            // Anything (the report could not be stored, a command could not be sent, even an OutOfMemoryError) ends
            // the undo FAILED rather than leaving it RUNNING; should even that fail, the processor tries it again.
            log.error("Undo {} of import {} stopped unexpectedly", job.undoId(), job.importId(), e);
            commands.sendAndWait(new FinishImport(job.undoId(), ImportStatus.FAILED, ImportCounts.NONE, null, null, false,
                    job.dryRun() ? "The dry run stopped because of an internal error; nothing was changed. Try again."
                            : "The undo stopped because of an internal error; members set back before it stay set back."
                            + " Undo the import again to go on."), meta);
        }
    }

    private void apply(ImportUndoQueued job, MetaData meta, SortedMap<Integer, String> members, RunStop stop)
            throws java.io.IOException {
        Actor actor = actor(job);
        UndoDecision decision = new UndoDecision(job.importId());
        UndoValues values = new UndoValues(lookups, catalog);
        // Members this undo set back before a restart: one prefix query instead of two look-ups per member.
        Set<Integer> setBack = job.dryRun() ? Set.of() : ImportMarks.appliedRows(lookups, job.undoId());
        AtomicLong undone = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        AtomicLong processed = new AtomicLong();
        AtomicReference<RuntimeException> reportFailed = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers,
                daemonThreads("undo-" + job.undoId().substring(0, Math.min(8, job.undoId().length()))));
        try (UndoReport report = new UndoReport(values)) {
            // Each member's row goes to the report as soon as the members before it are done: what is kept in memory
            // is the rows of the members in flight, whatever the number of members.
            InOrder<UndoReport.Line> inOrder = new InOrder<>(workers * WINDOW_PER_WORKER, line -> {
                try {
                    report.add(line);
                } catch (RuntimeException e) {
                    reportFailed.compareAndSet(null, e);
                }
            });
            members.forEach((number, member) -> {
                if (stop.requested()) {
                    return;
                }
                inOrder.start(number);
                pool.execute(() -> {
                    Outcome outcome = null;
                    try {
                        if (stop.requested()) {
                            return;
                        }
                        outcome = undo(job, meta, actor, decision, values, setBack.contains(number),
                                new ImportRow(job.undoId(), number), new MemberId(member));
                        if (outcome.kind() == UndoPlan.Outcome.RESTORE || outcome.kind() == UndoPlan.Outcome.OFFBOARD) {
                            undone.incrementAndGet();
                        } else if (outcome.kind() == UndoPlan.Outcome.CONFLICT) {
                            conflicts.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        log.error("Undo {}: member {} failed unexpectedly", job.undoId(), member, e);
                        conflicts.incrementAndGet();
                        outcome = new Outcome(UndoPlan.Outcome.CONFLICT, UndoReport.Line.bare(member,
                                "Not undone because of an internal error; undo the import again to go on."));
                    } finally {
                        inOrder.finish(number, outcome != null ? outcome.line() : UndoReport.Line.bare(member, "Not reached."));
                        long done = processed.incrementAndGet();
                        if (done % PROGRESS_EVERY == 0 && !stop.requested()) {
                            commands.send(new RecordImportProgress(job.undoId(), done), meta);
                        }
                    }
                });
            });
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                log.debug("Waiting for the undo's members to finish");
            }
            stop.check();
            if (reportFailed.get() != null) {
                throw reportFailed.get();
            }
            finish(job, meta, members.size(), undone.get(), conflicts.get(), report);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void finish(ImportUndoQueued job, MetaData meta, long total, long undone, long conflicts, UndoReport report)
            throws java.io.IOException {
        String reportId = total == 0 ? null : files.store(reportName(job), job.admin(), report::writeTo);
        ImportCounts counts = new ImportCounts(total, total, undone, total - undone - conflicts, conflicts);
        ImportStatus status = conflicts == 0 ? ImportStatus.SUCCEEDED
                : conflicts == total ? ImportStatus.FAILED : ImportStatus.PARTIALLY_FAILED;
        String message = total == 0 ? "The import changed no member: there is nothing to undo."
                : conflicts == 0 ? null
                : conflicts + " of " + total + " members were changed since the import (or cannot take their values"
                + " back) and were left as they are; the report says why.";
        commands.sendAndWait(new FinishImport(job.undoId(), status, counts, null, reportId, false, message), meta);
    }

    /** What the undo did to one member, and its row in the report. */
    private record Outcome(UndoPlan.Outcome kind, UndoReport.Line line) {
    }

    /**
     * Decides and sets back one member; decided again when it changed between the decision and the write.
     *
     * @param setBack whether this undo set the member back before a restart (its row is marked)
     */
    private Outcome undo(ImportUndoQueued job, MetaData meta, Actor actor, UndoDecision decision, UndoValues values,
                         boolean setBack, ImportRow row, MemberId member) {
        for (int attempt = 1; ; attempt++) {
            UndoPlan plan = decision.decide(stream(member));
            if (setBack) {
                return outcome(UndoPlan.Outcome.RESTORE, member, plan, plan.version(), "Undone.");
            }
            try {
                return switch (plan.outcome()) {
                    case NOTHING -> outcome(plan.outcome(), member, plan, plan.version(), "Nothing to undo.");
                    case ALREADY_UNDONE -> outcome(plan.outcome(), member, plan, plan.version(), "Already undone.");
                    case CONFLICT -> outcome(plan.outcome(), member, plan, plan.version(), "Conflict, left as it is:\n"
                            + String.join("\n", plan.reasons()));
                    case OFFBOARD -> offboard(job, meta, actor, member, plan);
                    case RESTORE -> restore(job, meta, actor, values, row, member, plan);
                };
            } catch (DomainRuleViolation refused) {
                if (refused.code() == ErrorCode.VERSION_CONFLICT && attempt < ATTEMPTS) {
                    continue;
                }
                return outcome(UndoPlan.Outcome.CONFLICT, member, plan, plan.version(),
                        "Conflict, left as it is:\n" + ImportRunner.describe(refused));
            }
        }
    }

    private Outcome restore(ImportUndoQueued job, MetaData meta, Actor actor, UndoValues values, ImportRow row,
                            MemberId member, UndoPlan plan) {
        RowValues restore = new RowValues(plan.version(), values.changes(plan.restore()), null, null);
        MemberWritten written = commands.sendAndWait(job.dryRun() ? new PreviewMemberRow(member, restore, actor)
                : new ImportMemberRow(member, restore, row, actor), meta);
        String fields = plan.restore().keySet().stream().map(UndoDecision::column).collect(Collectors.joining(", "));
        String notes = plan.notes().isEmpty() ? "" : "\n" + String.join("\n", plan.notes());
        return outcome(UndoPlan.Outcome.RESTORE, member, plan, written.version(),
                (job.dryRun() ? "Would be undone: " : "Undone: ") + fields + notes);
    }

    private Outcome offboard(ImportUndoQueued job, MetaData meta, Actor actor, MemberId member, UndoPlan plan) {
        if (job.dryRun()) {
            return outcome(UndoPlan.Outcome.OFFBOARD, member, plan, plan.version(), "Created by the import: would be offboarded.");
        }
        MemberWritten written = commands.sendAndWait(new OffboardMember(member, plan.version(), actor), meta);
        return outcome(UndoPlan.Outcome.OFFBOARD, member, plan, written.version(), "Created by the import: offboarded.");
    }

    private static Outcome outcome(UndoPlan.Outcome kind, MemberId member, UndoPlan plan, long version, String text) {
        return new Outcome(kind, UndoReport.Line.of(member.value(), plan, version, text));
    }

    /**
     * Whose reach the undo writes with: a scoped admin's own (they can only undo their own import); the primary admin
     * or an admin of the whole organization, the reach the import had.
     */
    private Actor actor(ImportUndoQueued job) {
        List<String> scope = job.departmentScope();
        if (scope.isEmpty()) {
            DomainEventStream original = events.readEvents(job.importId(), 0);
            while (original.hasNext()) {
                if (original.next().getPayload() instanceof ImportQueued queued) {
                    scope = queued.departmentScope();
                    break;
                }
            }
        }
        return scope.isEmpty() ? Actor.organization(job.admin()) : Actor.departments(job.admin(), Set.copyOf(scope));
    }

    private List<RecordedEvent> stream(MemberId member) {
        readers.acquireUninterruptibly();
        try {
            return read(member);
        } finally {
            readers.release();
        }
    }

    private List<RecordedEvent> read(MemberId member) {
        List<RecordedEvent> recorded = new ArrayList<>();
        DomainEventStream stream = events.readEvents(member.value(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof MemberEvent event) {
                recorded.add(new RecordedEvent(event, message.getSequenceNumber(), message.getTimestamp(),
                        text(message.getMetaData().get(MetadataKeys.ACTOR)),
                        text(message.getMetaData().get(MetadataKeys.SOURCE))));
            }
        }
        return recorded;
    }

    private static String reportName(ImportUndoQueued job) {
        String base = job.fileName() == null ? "import" : job.fileName().replaceAll("(?i)\\.xlsx$", "");
        return base + "-undo.xlsx";
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
