package com.memberdirectory.command.importing;

import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.importing.FinishImport;
import com.memberdirectory.kernel.importing.ImportCounts;
import com.memberdirectory.kernel.importing.ImportQueued;
import com.memberdirectory.kernel.importing.ImportStatus;
import com.memberdirectory.kernel.importing.RecordImportProgress;
import com.memberdirectory.kernel.importing.StartImportRun;
import com.memberdirectory.kernel.member.FieldChange;
import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.kernel.member.ImportRow;
import com.memberdirectory.kernel.member.MemberWritten;
import com.memberdirectory.kernel.member.ImportMemberRow;
import com.memberdirectory.kernel.member.PreviewMemberRow;
import com.memberdirectory.kernel.member.RowValues;
import com.memberdirectory.kernel.metadata.MetadataKeys;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.FieldError;
import com.memberdirectory.kernel.workbook.MemberColumns;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static com.memberdirectory.kernel.support.DaemonThreads.daemonThreads;

/**
 * Runs one import: reads the workbook twice with the streaming reader (first to check its size and collect
 * the user IDs it sets, then to apply it), turns each row into an {@link ImportMemberRow} — decided by the rules a
 * console edit is, and marked with its row, so a run resumed after a crash skips rows already applied; a dry run
 * sends {@link PreviewMemberRow}s, which record nothing — and finishes with the counts, the error report and (dry
 * run) the preview. Rows of different members are applied in parallel.
 */
public final class ImportRunner {

    public static final int MAX_ROWS = 200_000;
    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final int PROGRESS_EVERY = 1_000;

    private final CommandGateway commands;
    private final UniqueValues lookups;
    private final ImportFiles files;
    private final ImportCatalog catalog;
    private final ImportSecrets secrets;
    private final int workers;

    public ImportRunner(CommandGateway commands, UniqueValues lookups, ImportFiles files, ImportCatalog catalog,
                        ImportSecrets secrets, int workers) {
        this.commands = commands;
        this.lookups = lookups;
        this.files = files;
        this.catalog = catalog;
        this.secrets = secrets;
        this.workers = workers;
    }

    /**
     * Runs the import until it ends, or until {@code stop} is asked: then it stops before its next row, records no end
     * and throws {@link RunStop.Stopped} (the segment's next holder resumes the import).
     */
    public void run(ImportQueued job, RunStop stop) {
        MetaData meta = MetaData.with(MetadataKeys.ACTOR, job.admin())
                .and(MetadataKeys.SOURCE, "IMPORT:" + job.importId())
                .and(MetadataKeys.CORRELATION_ID, job.importId());
        Path file = null;
        try {
            file = files.download(job.fileId());
            List<String> header = SheetRows.header(file);
            RowTranslator probe = new RowTranslator(header, catalog.customColumns(), lookups, new UserIdsInFile());
            probe.checkHeader();
            UserIdsInFile userIdsInFile = new UserIdsInFile();
            long total = count(file, probe, userIdsInFile);
            if (total == 0) {
                // The upload refuses such files; one queued before that check (or changed since) fails with a reason.
                throw new ImportRefused("no_rows", "The sheet has a header row but no rows below it: there is nothing to import.");
            }
            Boolean go = commands.sendAndWait(new StartImportRun(job.importId(), total), meta);
            if (!Boolean.TRUE.equals(go)) {
                return;
            }
            apply(job, meta, file, header, new RowTranslator(header, catalog.customColumns(), lookups, userIdsInFile), total,
                    stop);
        } catch (RunStop.Stopped stopped) {
            log.warn("Import {} stopped before its end; it is resumed where it stands. {}", job.importId(), stopped.getMessage());
            throw stopped;
        } catch (ImportRefused refused) {
            finish(job, meta, ImportStatus.FAILED, ImportCounts.NONE, null, null, refused.getMessage());
        } catch (IOException e) {
            log.error("Import {} could not read its file", job.importId(), e);
            finish(job, meta, ImportStatus.FAILED, ImportCounts.NONE, null, null, "The uploaded file could not be read.");
        } catch (RuntimeException | Error e) {
            // Anything else (writing the error report or the dry-run preview, a command that could not be sent, even
            // an OutOfMemoryError) must end the import, not leave it RUNNING: the processor has moved on from it.
            // Should recording the failure fail too, the exception reaches the processor, which tries the import again.
            log.error("Import {} stopped unexpectedly", job.importId(), e);
            finish(job, meta, ImportStatus.FAILED, ImportCounts.NONE, null, null, job.dryRun()
                    ? "The dry run stopped because of an internal error; nothing was changed. Try again."
                    : "The import stopped because of an internal error; rows applied before it stay applied. Import the file again.");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("Could not delete {}", file);
                }
            }
        }
    }

    private long count(Path file, RowTranslator translator, UserIdsInFile userIdsInFile) {
        long[] rows = {0};
        boolean collect = translator.has(MemberColumns.MEMBER_ID) && translator.has(MemberColumns.USER_ID);
        SheetRows.rows(file, (number, cells) -> {
            if (++rows[0] > MAX_ROWS) {
                throw new ImportRefused("too_many_rows", "The workbook has more than " + MAX_ROWS + " rows; split it into several files.");
            }
            if (collect) {
                String userId = translator.cell(cells, MemberColumns.USER_ID);
                String memberId = translator.cell(cells, MemberColumns.MEMBER_ID);
                if (userId != null && !userId.isBlank() && memberId != null && !memberId.isBlank()) {
                    userIdsInFile.putIfAbsent(userId, memberId.strip());
                }
            }
        });
        return rows[0];
    }

    private void apply(ImportQueued job, MetaData meta, Path file, List<String> header, RowTranslator translator,
                       long total, RunStop stop) throws IOException {
        AtomicLong failed = new AtomicLong();
        AtomicLong changed = new AtomicLong();
        AtomicLong unchanged = new AtomicLong();
        AtomicLong processed = new AtomicLong();
        FileUniqueness seen = new FileUniqueness(translator);
        // The admin's reach when the import was queued: every row is decided against it by the member itself.
        Actor actor = job.departmentScope().isEmpty() ? Actor.organization(job.admin())
                : Actor.departments(job.admin(), Set.copyOf(job.departmentScope()));
        Map<String, String> labels = new HashMap<>();
        catalog.customColumns().forEach(c -> labels.put("custom." + c.key(), c.label()));
        ExecutorService pool = Executors.newFixedThreadPool(workers,
                daemonThreads("import-" + job.importId().substring(0, Math.min(8, job.importId().length()))));
        // Rows handed to the workers but not yet taken wait with their cells and commands; a short queue keeps the
        // workers busy (the workbook is read far faster than rows are applied) without holding thousands of rows
        // long enough to reach the old generation of the heap.
        Semaphore inFlight = new Semaphore(workers * 2);
        try (RowReport errors = new RowReport(header, MemberColumns.ERRORS);
             RowReport preview = new RowReport(header, MemberColumns.CHANGES)) {
            try {
                SheetRows.rows(file, (number, cells) -> {
                    stop.check();
                    RowTranslator.Translated row = translator.translate(cells);
                    List<String> problems = new java.util.ArrayList<>(row.errors());
                    if (row.ok()) {
                        problems.addAll(seen.check(number, cells, row.memberId()));
                    }
                    if (!problems.isEmpty()) {
                        errors.add(cells, String.join("\n", problems));
                        failed.incrementAndGet();
                        progress(job, meta, processed.incrementAndGet());
                        return;
                    }
                    inFlight.acquireUninterruptibly();
                    pool.execute(() -> {
                        if (stop.requested()) {
                            inFlight.release();
                            return;
                        }
                        try {
                            RowValues values = new RowValues(row.version(), row.changes(), row.loginEmailType(),
                                    row.loginPassword());
                            MemberWritten written = commands.sendAndWait(job.dryRun()
                                    ? new PreviewMemberRow(row.memberId(), values, actor)
                                    : new ImportMemberRow(row.memberId(), values, new ImportRow(job.importId(), number),
                                            actor), meta);
                            if (written.changed()) {
                                changed.incrementAndGet();
                                if (job.dryRun()) {
                                    preview.add(cells, describe(written.changes(), labels));
                                }
                            } else {
                                unchanged.incrementAndGet();
                            }
                        } catch (DomainRuleViolation violation) {
                            errors.add(cells, describe(violation));
                            failed.incrementAndGet();
                        } catch (RuntimeException e) {
                            log.error("Import {} row {} failed unexpectedly", job.importId(), number, e);
                            errors.add(cells, "This row could not be applied because of an internal error; import it again.");
                            failed.incrementAndGet();
                        } finally {
                            inFlight.release();
                            progress(job, meta, processed.incrementAndGet());
                        }
                    });
                });
            } finally {
                // Rows handed to the workers are applied (or skipped, once stopped) before anything else happens.
                pool.shutdown();
                awaitQuietly(pool);
            }
            stop.check();
            String errorReportId = errors.size() == 0 ? null
                    : files.store(reportName(job, "errors"), job.admin(), errors::writeTo);
            String previewId = !job.dryRun() || preview.size() == 0 ? null
                    : files.store(reportName(job, "preview"), job.admin(), preview::writeTo);
            long changedRows = job.dryRun() ? changed.get() : ImportMarks.changedRows(lookups, job.importId());
            long unchangedRows = job.dryRun() ? unchanged.get() : ImportMarks.unchangedRows(lookups, job.importId());
            ImportCounts counts = new ImportCounts(total, total, changedRows, unchangedRows, failed.get());
            ImportStatus status = failed.get() == 0 ? ImportStatus.SUCCEEDED
                    : failed.get() == total ? ImportStatus.FAILED : ImportStatus.PARTIALLY_FAILED;
            String message = failed.get() == 0 ? null : failed.get() + " of " + total
                    + " rows were not applied; the error report says why.";
            commands.sendAndWait(new FinishImport(job.importId(), status, counts, errorReportId, previewId,
                    !job.dryRun() && secrets.holdsAny(job.importId()), message), meta);
            forgetUpload(job);
        } finally {
            pool.shutdownNow();
        }
    }

    private void progress(ImportQueued job, MetaData meta, long processed) {
        if (processed % PROGRESS_EVERY == 0) {
            commands.send(new RecordImportProgress(job.importId(), processed), meta);
        }
    }

    private void finish(ImportQueued job, MetaData meta, ImportStatus status, ImportCounts counts, String errorReportId,
                        String previewId, String message) {
        commands.sendAndWait(new FinishImport(job.importId(), status, counts, errorReportId, previewId, false, message), meta);
        forgetUpload(job);
    }

    /**
     * Once an import has finished, its upload is needed no more (the error report keeps the rejected rows), and it may
     * hold login passwords in clear: it is removed. Before that, a crash resumes the import from it.
     */
    private void forgetUpload(ImportQueued job) {
        try {
            files.delete(job.fileId());
        } catch (IOException | RuntimeException e) {
            log.warn("Import {}: its uploaded workbook could not be removed", job.importId(), e);
        }
    }

    private static String reportName(ImportQueued job, String kind) {
        String base = job.fileName() == null ? "import" : job.fileName().replaceAll("(?i)\\.xlsx$", "");
        return base + "-" + kind + ".xlsx";
    }

    /** A dry-run preview line per changed field, with column names and option labels as people know them. */
    private String describe(List<FieldChange> changes, Map<String, String> customLabels) {
        return changes.stream().map(c -> customLabels.getOrDefault(c.field(), ColumnNames.of(c.field())) + ": "
                        + shown(c.field(), c.before()) + " → " + shown(c.field(), c.after()))
                .collect(Collectors.joining("\n"));
    }

    /** A value as the workbook writes it: departments by path, managers by user ID, options by label. */
    private String shown(String field, Object value) {
        if (value == null || value instanceof List<?> list && list.isEmpty()) {
            return "(empty)";
        }
        java.util.function.Function<Object, String> label = switch (field) {
            case "departmentIds" -> id -> lookups.ownerOf(UniqueKind.DEPARTMENT, String.valueOf(id)).orElse(String.valueOf(id));
            case "managerId", "dottedLineManagerIds" -> id -> catalog.userIdOf(String.valueOf(id)).orElse(String.valueOf(id));
            default -> {
                String key = field.startsWith("custom.") ? field.substring("custom.".length()) : field;
                boolean options = lookups.ownerOf(UniqueKind.FIELD, key).map(FieldType::valueOf).map(FieldType::hasOptions)
                        .orElse(false);
                yield options ? id -> lookups.ownerOf(UniqueKind.FIELD_OPTION, key + "/" + id).orElse(String.valueOf(id))
                        : String::valueOf;
            }
        };
        return value instanceof List<?> list ? list.stream().map(label).collect(Collectors.joining("; ")) : label.apply(value);
    }

    /** A refused row's reasons, one line per field, named by its column. */
    static String describe(DomainRuleViolation violation) {
        if (violation.errors().isEmpty()) {
            return violation.getMessage();
        }
        return violation.errors().stream().map(FieldError::field).distinct()
                .map(field -> ColumnNames.of(field) + ": " + violation.getMessage())
                .collect(Collectors.joining("\n"));
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                log.debug("Waiting for import rows to finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
