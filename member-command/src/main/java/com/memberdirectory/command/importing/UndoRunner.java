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
import com.memberdirectory.kernel.member.MemberField;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberWritten;
import com.memberdirectory.kernel.member.OffboardMember;
import com.memberdirectory.kernel.member.UpdateMember;
import com.memberdirectory.kernel.metadata.MetadataKeys;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import com.memberdirectory.kernel.workbook.MemberColumns;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Runs the undo of an import (docs/undo.md). The members the import changed come from its row marks in the lookup
 * table ({@link ImportMarks#changedMembers}); for each, {@link UndoDecision} reads the member's own events and decides,
 * and the undo sends the same {@link UpdateMember} (or {@link OffboardMember}) any other write sends, with the version
 * it decided on — a member changed in between is decided again — and marked with the import's row, so a run resumed
 * after a crash skips members already set back. Finishes with the counts and the report: every member, what was set
 * back or why not, in the workbook layout so that it imports back.
 */
public final class UndoRunner {

    private static final Logger log = LoggerFactory.getLogger(UndoRunner.class);
    private static final int PROGRESS_EVERY = 1_000;
    /** A member changed between the decision and the write is decided again, this many times at most. */
    private static final int ATTEMPTS = 3;

    private final CommandGateway commands;
    private final UniqueValues lookups;
    private final ImportFiles files;
    private final ImportCatalog catalog;
    private final EventStore events;
    private final int workers;

    public UndoRunner(CommandGateway commands, UniqueValues lookups, ImportFiles files, ImportCatalog catalog,
                      EventStore events, int workers) {
        this.commands = commands;
        this.lookups = lookups;
        this.files = files;
        this.catalog = catalog;
        this.events = events;
        this.workers = workers;
    }

    /** What the undo did to one member: the outcome, the report's text, the values its row shows. */
    private record Row(UndoPlan.Outcome outcome, String text, UndoPlan plan, long version) {
    }

    public void run(ImportUndoQueued job) {
        MetaData meta = MetaData.with(MetadataKeys.ACTOR, job.admin())
                .and(MetadataKeys.SOURCE, MetadataKeys.SOURCE_UNDO_PREFIX + job.importId())
                .and(MetadataKeys.CORRELATION_ID, job.undoId());
        try {
            SortedMap<Integer, String> members = ImportMarks.changedMembers(lookups, job.importId());
            Boolean go = commands.sendAndWait(new StartImportRun(job.undoId(), members.size()), meta);
            if (!Boolean.TRUE.equals(go)) {
                return;
            }
            apply(job, meta, members);
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

    private void apply(ImportUndoQueued job, MetaData meta, SortedMap<Integer, String> members) throws java.io.IOException {
        Actor actor = actor(job);
        UndoDecision decision = new UndoDecision(job.importId());
        UndoValues values = new UndoValues(lookups, catalog);
        Map<Integer, Row> rows = new ConcurrentSkipListMap<>();
        AtomicLong processed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread thread = new Thread(r, "undo-" + job.undoId().substring(0, Math.min(8, job.undoId().length())));
            thread.setDaemon(true);
            return thread;
        });
        Semaphore inFlight = new Semaphore(workers * 2);
        try {
            members.forEach((number, member) -> {
                inFlight.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        rows.put(number, undo(job, meta, actor, decision, values, new ImportRow(job.undoId(), number),
                                new MemberId(member)));
                    } catch (RuntimeException e) {
                        log.error("Undo {}: member {} failed unexpectedly", job.undoId(), member, e);
                        rows.put(number, new Row(UndoPlan.Outcome.CONFLICT, "Not undone because of an internal error;"
                                + " undo the import again to go on.", null, 0));
                    } finally {
                        inFlight.release();
                        long done = processed.incrementAndGet();
                        if (done % PROGRESS_EVERY == 0) {
                            commands.send(new RecordImportProgress(job.undoId(), done), meta);
                        }
                    }
                });
            });
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                log.debug("Waiting for the undo's members to finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        long undone = count(rows, UndoPlan.Outcome.RESTORE) + count(rows, UndoPlan.Outcome.OFFBOARD);
        long conflicts = count(rows, UndoPlan.Outcome.CONFLICT);
        long total = members.size();
        String reportId = total == 0 ? null : files.store(reportName(job), job.admin(), out -> {
            try (RowReport report = report(members, rows, values)) {
                report.writeTo(out);
            }
        });
        ImportCounts counts = new ImportCounts(total, total, undone, total - undone - conflicts, conflicts);
        ImportStatus status = conflicts == 0 ? ImportStatus.SUCCEEDED
                : conflicts == total ? ImportStatus.FAILED : ImportStatus.PARTIALLY_FAILED;
        String message = total == 0 ? "The import changed no member: there is nothing to undo."
                : conflicts == 0 ? null
                : conflicts + " of " + total + " members were changed since the import (or cannot take their values"
                + " back) and were left as they are; the report says why.";
        commands.sendAndWait(new FinishImport(job.undoId(), status, counts, null, reportId, false, message), meta);
    }

    /** Decides and sets back one member; decided again when it changed between the decision and the write. */
    private Row undo(ImportUndoQueued job, MetaData meta, Actor actor, UndoDecision decision, UndoValues values,
                     ImportRow row, MemberId member) {
        for (int attempt = 1; ; attempt++) {
            UndoPlan plan = decision.decide(stream(member));
            if (!job.dryRun() && ImportMarks.applied(lookups, row)) {
                // Set back by this undo before a restart.
                return new Row(UndoPlan.Outcome.RESTORE, "Undone.", plan, plan.version());
            }
            try {
                return switch (plan.outcome()) {
                    case NOTHING -> new Row(plan.outcome(), "Nothing to undo.", plan, plan.version());
                    case ALREADY_UNDONE -> new Row(plan.outcome(), "Already undone.", plan, plan.version());
                    case CONFLICT -> new Row(plan.outcome(), "Conflict, left as it is:\n"
                            + String.join("\n", plan.reasons()), plan, plan.version());
                    case OFFBOARD -> offboard(job, meta, actor, member, plan);
                    case RESTORE -> restore(job, meta, actor, values, row, member, plan);
                };
            } catch (DomainRuleViolation refused) {
                if (refused.code() == ErrorCode.VERSION_CONFLICT && attempt < ATTEMPTS) {
                    continue;
                }
                return new Row(UndoPlan.Outcome.CONFLICT, "Conflict, left as it is:\n" + ImportRunner.describe(refused), plan,
                        plan.version());
            }
        }
    }

    private Row restore(ImportUndoQueued job, MetaData meta, Actor actor, UndoValues values, ImportRow row,
                        MemberId member, UndoPlan plan) {
        MemberWritten written = commands.sendAndWait(new UpdateMember(member, plan.version(), values.changes(plan.restore()),
                null, null, row, job.dryRun(), actor), meta);
        String fields = plan.restore().keySet().stream().map(UndoDecision::column).collect(Collectors.joining(", "));
        String notes = plan.notes().isEmpty() ? "" : "\n" + String.join("\n", plan.notes());
        return new Row(UndoPlan.Outcome.RESTORE, (job.dryRun() ? "Would be undone: " : "Undone: ") + fields + notes, plan,
                written.version());
    }

    private Row offboard(ImportUndoQueued job, MetaData meta, Actor actor, MemberId member, UndoPlan plan) {
        if (job.dryRun()) {
            return new Row(UndoPlan.Outcome.OFFBOARD, "Created by the import: would be offboarded.", plan, plan.version());
        }
        MemberWritten written = commands.sendAndWait(new OffboardMember(member, plan.version(), actor), meta);
        return new Row(UndoPlan.Outcome.OFFBOARD, "Created by the import: offboarded.", plan, written.version());
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

    /**
     * Every member in the order of the import's rows. The columns: the member's IDs and name, each field the undo
     * sets back for some member (for the others their value now: importing the report back changes nothing of them),
     * the version and the outcome. A conflict's row holds the values the undo would have set back: importing it
     * (once it has been looked at) does that undo by hand, and is refused if the member changed after the report.
     */
    private RowReport report(SortedMap<Integer, String> members, Map<Integer, Row> rows, UndoValues values) {
        Set<String> keys = new LinkedHashSet<>();
        rows.values().stream().filter(row -> row.plan() != null).forEach(row -> keys.addAll(row.plan().restore().keySet()));
        List<String> fields = new ArrayList<>(List.of(MemberFields.USER_ID.name(), MemberFields.NAME.name()));
        MemberFields.ALL.stream().map(MemberField::name).filter(keys::contains).filter(k -> !fields.contains(k))
                .forEach(fields::add);
        keys.stream().filter(k -> k.startsWith("custom.") && values.column(k) != null).forEach(fields::add);
        List<String> header = new ArrayList<>();
        header.add(MemberColumns.MEMBER_ID);
        fields.forEach(k -> header.add(values.column(k)));
        header.add(MemberColumns.VERSION);
        RowReport report = new RowReport(header, MemberColumns.UNDO);
        members.forEach((number, member) -> {
            Row row = rows.get(number);
            List<String> cells = new ArrayList<>();
            cells.add(member);
            for (String key : fields) {
                if (row == null || row.plan() == null) {
                    cells.add("");
                } else {
                    Map<String, Object> restore = row.plan().restore();
                    cells.add(values.cell(key, restore.containsKey(key) ? restore.get(key) : row.plan().current().get(key)));
                }
            }
            cells.add(row == null || row.plan() == null ? "" : String.valueOf(row.version()));
            report.add(cells, row == null ? "Not reached." : row.text());
        });
        return report;
    }

    private static long count(Map<Integer, Row> rows, UndoPlan.Outcome outcome) {
        return rows.values().stream().filter(row -> row.outcome() == outcome).count();
    }

    private static String reportName(ImportUndoQueued job) {
        String base = job.fileName() == null ? "import" : job.fileName().replaceAll("(?i)\\.xlsx$", "");
        return base + "-undo.xlsx";
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
