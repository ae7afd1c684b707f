package com.memberdirectory.query.export;

import com.memberdirectory.kernel.field.BuiltInFields;
import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.field.FieldView;
import com.memberdirectory.kernel.member.MemberField;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.query.field.FieldLabels;
import com.memberdirectory.query.files.FileStore;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.memberdirectory.query.jobs.JobLeases;
import com.memberdirectory.query.support.IdOrderPages;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static com.memberdirectory.kernel.workbook.MemberColumns.*;
import static com.memberdirectory.kernel.support.DaemonThreads.daemonThreads;

/**
 * Exports members to a workbook in the background and keeps the file ({@link FileStore}) for its admin for a while.
 * Reads the member list as it stands; memory stays flat whatever the number of rows.
 * <p>
 * An accepted export is on disk before it is answered, with its request ({@link ExportRequestDocument}). One whose
 * process died (a crash, {@code kill -9}, a stop while it ran) is found when the service is ready again
 * ({@link JobLeases}) and runs once more; interrupted a second time, it ends FAILED with a message to export again.
 */
@Component
public class MemberExports {

    public static final Duration KEPT_FOR = Duration.ofHours(1);
    static final String INTERRUPTED = "The export was interrupted by a restart; export again.";
    /** An export interrupted by a restart runs once more; interrupted again, it fails. */
    static final int MAX_RUNS = 2;
    private static final String COLLECTION = "exports";
    private static final String KIND = "export";
    private static final Logger log = LoggerFactory.getLogger(MemberExports.class);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MongoTemplate mongo;
    private final FileStore files;
    private final FieldLabels labels;
    private final JobLeases leases;
    private final Clock clock;
    /** Members read per query. */
    private static final int CHUNK = 1000;
    private final ExecutorService exporter = Executors.newFixedThreadPool(2, daemonThreads("export"));

    public MemberExports(MongoTemplate mongo, FileStore files, FieldLabels labels, JobLeases leases) {
        this.mongo = mongo;
        this.files = files;
        this.labels = labels;
        this.leases = leases;
        this.clock = Clock.systemUTC();
        leases.onSweep(this::resumeInterrupted);
    }

    /** Which members to export: the selected ones, or everyone without a login password. */
    public enum Selection { SELECTED, WITHOUT_LOGIN_PASSWORD }

    /**
     * @param departmentScope with {@code WITHOUT_LOGIN_PASSWORD}: only members of these departments (an admin
     *                        limited to some departments, sub-departments included); empty: everyone
     */
    public synchronized ExportDocument start(String admin, Selection selection, List<String> memberIds,
                                             Set<String> departmentScope, String fileName) {
        removeExpired();
        ExportAdmission.check(mongo.count(Query.query(Criteria.where("status").is("RUNNING").and("admin").is(admin)),
                ExportDocument.class), mongo.count(Query.query(Criteria.where("status").is("RUNNING")), ExportDocument.class));
        ExportDocument export = new ExportDocument();
        export.id = new ObjectId().toHexString();
        export.admin = admin;
        export.fileName = fileName;
        export.status = "RUNNING";
        export.createdAt = clock.instant();
        export.expiresAt = export.createdAt.plus(KEPT_FOR);
        export.runner = leases.instance();
        export.leaseUntil = leases.leaseEnd();
        export.runs = 1;
        ExportRequestDocument request = new ExportRequestDocument();
        request.id = export.id;
        request.selection = selection;
        request.memberIds = selection == Selection.SELECTED ? List.copyOf(memberIds) : List.of();
        request.departmentScope = List.copyOf(departmentScope);
        mongo.insert(export);
        mongo.insert(request);
        // Accepted means on disk: a kill -9 right after the answer must not lose the export (see resumeInterrupted).
        leases.makeDurable();
        leases.hold(COLLECTION, export.id);
        exporter.execute(() -> run(export, request));
        return export;
    }

    /**
     * Finds exports whose process died while they ran (or waited to run) and runs each once more from its kept
     * request; one interrupted again, or without its request, ends FAILED and asks for a new export.
     */
    void resumeInterrupted() {
        for (ExportDocument found : mongo.find(Query.query(Criteria.where("status").is("RUNNING")), ExportDocument.class)) {
            if (!leases.orphaned(found.runner, found.leaseUntil)) {
                continue;
            }
            ExportRequestDocument request = mongo.findById(found.id, ExportRequestDocument.class);
            boolean again = request != null && found.runs < MAX_RUNS && !expired(found);
            Update takeOver = new Update().set("runner", leases.instance()).set("leaseUntil", leases.leaseEnd());
            if (again) {
                takeOver.set("runs", found.runs + 1);
            } else {
                takeOver.set("status", "FAILED").set("message", INTERRUPTED);
            }
            ExportDocument export = mongo.findAndModify(Query.query(JobLeases.unchanged(found.id, found.status, found.runner,
                    found.leaseUntil)), takeOver, FindAndModifyOptions.options().returnNew(true), ExportDocument.class);
            if (export == null) {
                continue; // another instance took it over meanwhile
            }
            if (again) {
                log.warn("Export {} was interrupted by a restart; running it again", export.id);
                leases.hold(COLLECTION, export.id);
                exporter.execute(() -> run(export, request));
            } else {
                log.warn("Export {} was interrupted by a restart; marked FAILED", export.id);
                mongo.remove(Query.query(Criteria.where("_id").is(export.id)), ExportRequestDocument.class);
            }
        }
    }

    /** The export if it is this admin's (and not expired). */
    public ExportDocument find(String id, String admin) {
        ExportDocument export = mongo.findById(id, ExportDocument.class);
        return export != null && export.admin.equals(admin) ? export : null;
    }

    public InputStream open(ExportDocument export) throws IOException {
        return files.open(export.fileId).map(FileStore.Content::stream).orElse(null);
    }

    public boolean expired(ExportDocument export) {
        return clock.instant().isAfter(export.expiresAt);
    }

    private void run(ExportDocument export, ExportRequestDocument request) {
        Selection selection = request.selection;
        List<String> memberIds = request.memberIds;
        Set<String> departmentScope = Set.copyOf(request.departmentScope);
        try {
            Map<String, String> paths = mongo.findAll(Document.class, "departments").stream()
                    .collect(Collectors.toMap(d -> d.getString("_id"), d -> d.getString("path")));
            List<FieldView> valueFields = labels.valueFields();
            List<FieldView> custom = valueFields.stream().filter(f -> !f.builtIn()).toList();
            long rows;
            try (MemberWorkbookWriter writer = new MemberWorkbookWriter(valueFields, custom)) {
                // A chunk of members at a time, so that memory stays flat whatever the size of the directory: the
                // selected ones by id, or everyone in id order, a page after the other (the embedded read-model store
                // reads such a page from where the last one ended). Managers are shown by user ID: looked up per chunk.
                Consumer<List<Document>> write = chunk -> {
                    List<Document> shown = chunk.stream()
                            .filter(d -> inScope(d, departmentScope)) // only members the admin may see in full
                            .filter(d -> !offboarded(d)) // they have left the directory (docs/lifecycle.md)
                            .filter(d -> selection == Selection.SELECTED || Boolean.FALSE.equals(d.getBoolean("hasLoginPassword")))
                            .toList();
                    Map<String, String> userIds = userIdsOfReferenced(shown, custom);
                    shown.forEach(d -> writer.add(row(d, userIds, paths, custom)));
                };
                if (selection == Selection.SELECTED) {
                    for (int from = 0; from < memberIds.size(); from += CHUNK) {
                        List<String> chunk = memberIds.subList(from, Math.min(memberIds.size(), from + CHUNK));
                        write.accept(mongo.find(Query.query(Criteria.where("_id").in(chunk)), Document.class, "members"));
                    }
                } else {
                    IdOrderPages.forEach(mongo.getCollection("members"), null, CHUNK, write);
                }
                rows = writer.rowCount();
                export.fileId = store(export, writer);
            }
            export.rowCount = rows;
            export.status = "SUCCEEDED";
        } catch (RuntimeException | IOException | Error e) {
            // Error too (e.g. OutOfMemoryError): an export must never stay RUNNING because its thread died.
            log.error("Export {} failed", export.id, e);
            export.status = "FAILED";
            export.message = "The export failed; try again.";
        }
        try {
            finish(export);
        } catch (RuntimeException e) {
            // The export stays RUNNING under this process's lease; after a restart it runs again.
            log.error("Could not record the end of export {}", export.id, e);
        } finally {
            leases.release(COLLECTION, export.id);
        }
    }

    /** Records the outcome, unless another instance has taken the export over (or it was removed) meanwhile. */
    private void finish(ExportDocument export) {
        Update outcome = new Update().set("status", export.status).set("rowCount", export.rowCount);
        if (export.fileId != null) {
            outcome.set("fileId", export.fileId);
        }
        if (export.message != null) {
            outcome.set("message", export.message);
        }
        boolean recorded = mongo.updateFirst(Query.query(Criteria.where("_id").is(export.id).and("runner").is(leases.instance())),
                outcome, ExportDocument.class).getMatchedCount() > 0;
        if (!recorded && export.fileId != null) {
            files.delete(export.fileId);
        }
        mongo.remove(Query.query(Criteria.where("_id").is(export.id)), ExportRequestDocument.class);
        // Not strictly needed (an unrecorded outcome means the export runs again after a restart), but cheap.
        leases.makeDurable();
    }

    private String store(ExportDocument export, MemberWorkbookWriter writer) throws IOException {
        java.nio.file.Path temp = java.nio.file.Files.createTempFile("export-", ".xlsx");
        try {
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(temp)) {
                writer.writeTo(out);
            }
            try (InputStream in = java.nio.file.Files.newInputStream(temp)) {
                return files.store(new FileStore.NewFile(export.fileName, XLSX, KIND, export.admin, false), in);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(temp);
        }
    }

    private MemberWorkbookWriter.RowValues row(Document d, Map<String, String> userIds, Map<String, String> paths,
                                               List<FieldView> custom) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(MEMBER_ID, d.getString("_id"));
        for (MemberField<String, ?> field : MemberFields.TEXT) {
            v.put(field.column(), d.getString(field.name()));
        }
        v.put(HIDE_PHONE, Boolean.TRUE.equals(d.getBoolean("hidePhone")) ? YES : NO);
        v.put(GENDER, gender(d.getString("gender")));
        v.put(DEPARTMENT, join(d.getList("departmentIds", String.class), paths));
        v.put(EMPLOYMENT_DATE, date(d.get("employmentDate")));
        v.put(DIRECT_MANAGER, d.getString("managerId") == null ? null : userIds.get(d.getString("managerId")));
        v.put(DOTTED_LINE_MANAGERS, join(d.getList("dottedLineManagerIds", String.class), userIds));
        v.put(JOB_TITLE, labels.optionLabel(BuiltInFields.JOB_TITLE, d.getString("jobTitleId")));
        v.put(WORKFORCE_TYPE, labels.optionLabel(BuiltInFields.WORKFORCE_TYPE, d.getString("workforceTypeId")));
        v.put(LOGIN_EMAIL_TYPE, "BUSINESS_EMAIL".equals(d.getString("loginEmailType")) ? BUSINESS_EMAIL_LOGIN : WORK_EMAIL_LOGIN);
        // LOGIN_PASSWORD stays empty: passwords are import only and the directory keeps none it could write.
        Document values = d.get("custom", Document.class);
        if (values != null) {
            for (FieldView field : custom) {
                @SuppressWarnings("unchecked")
                List<String> value = (List<String>) values.get(field.key());
                if (value != null && !value.isEmpty()) {
                    v.put(field.label(), customCell(field, value, userIds));
                }
            }
        }
        v.put(VERSION, d.get("version") instanceof Number n ? n.longValue() : null);
        return new MemberWorkbookWriter.RowValues(v);
    }

    /** The user IDs of the members these rows name: managers, and values of custom fields of type member. */
    private Map<String, String> userIdsOfReferenced(List<Document> members, List<FieldView> custom) {
        Set<String> referenced = new HashSet<>();
        for (Document d : members) {
            if (d.getString("managerId") != null) {
                referenced.add(d.getString("managerId"));
            }
            List<String> dottedLine = d.getList("dottedLineManagerIds", String.class);
            if (dottedLine != null) {
                referenced.addAll(dottedLine);
            }
            Document values = d.get("custom", Document.class);
            if (values != null) {
                for (FieldView field : custom) {
                    if (field.type() == FieldType.MEMBER && values.get(field.key()) instanceof List<?> value && !value.isEmpty()) {
                        referenced.add(String.valueOf(value.get(0)));
                    }
                }
            }
        }
        if (referenced.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(Criteria.where("_id").in(referenced));
        query.fields().include("userId");
        Map<String, String> userIds = new HashMap<>();
        mongo.find(query, Document.class, "members").forEach(d -> userIds.put(d.getString("_id"), d.getString("userId")));
        return userIds;
    }

    private Object customCell(FieldView field, List<String> value, Map<String, String> userIds) {
        return switch (field.type()) {
            case NUMBER -> new BigDecimal(value.get(0));
            case DATE -> LocalDate.parse(value.get(0));
            case MEMBER -> userIds.getOrDefault(value.get(0), value.get(0));
            case SINGLE_OPTION -> labels.optionLabel(field.key(), value.get(0));
            case MULTI_OPTION -> value.stream().map(id -> labels.optionLabel(field.key(), id))
                    .collect(Collectors.joining(LIST_SEPARATOR + " "));
            default -> value.get(0);
        };
    }

    private static String gender(String gender) {
        if (gender == null) {
            return null;
        }
        return switch (gender) {
            case "MALE" -> "Male";
            case "FEMALE" -> "Female";
            case "OTHER" -> "Other";
            default -> null;
        };
    }

    private static LocalDate date(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        return value == null ? null : LocalDate.parse(value.toString().substring(0, 10));
    }

    /** An offboarded member has left the directory: never exported (docs/lifecycle.md). */
    private static boolean offboarded(Document member) {
        return MemberStatus.OFFBOARDED.name().equals(member.getString("status"));
    }

    private static boolean inScope(Document member, Set<String> departmentScope) {
        if (departmentScope.isEmpty()) {
            return true;
        }
        List<?> departments = member.get("departmentIds", List.class);
        return departments != null && departments.stream().anyMatch(departmentScope::contains);
    }

    private static String join(List<String> ids, Map<String, String> names) {
        if (ids == null || ids.isEmpty()) {
            return null;
        }
        List<String> shown = new ArrayList<>();
        ids.forEach(id -> shown.add(names.getOrDefault(id, id)));
        return String.join(LIST_SEPARATOR + " ", shown);
    }

    private void removeExpired() {
        Instant now = clock.instant();
        mongo.find(Query.query(Criteria.where("expiresAt").lt(now)), ExportDocument.class).forEach(expired -> {
            if (expired.fileId != null) {
                files.delete(expired.fileId);
            }
            mongo.remove(expired);
            mongo.remove(Query.query(Criteria.where("_id").is(expired.id)), ExportRequestDocument.class);
        });
        // Files whose record is gone (a read-model store rebuilt from the events has no exports) expire all the same.
        files.deleteBefore(KIND, now.minus(KEPT_FOR));
    }

}
