package com.memberdirectory.app.http.importing;

import com.memberdirectory.app.http.ApiException;
import com.memberdirectory.app.http.Downloads;
import com.memberdirectory.app.http.ReadModel;
import com.memberdirectory.app.importing.StoredImportFiles;
import com.memberdirectory.app.security.AdminAccess;
import com.memberdirectory.app.storage.ImportSecretsReader;
import com.memberdirectory.command.importing.ImportRefused;
import com.memberdirectory.command.importing.SheetRows;
import com.memberdirectory.kernel.importing.DestroyPasswordFile;
import com.memberdirectory.kernel.importing.FindAnyImport;
import com.memberdirectory.kernel.importing.FindImport;
import com.memberdirectory.kernel.importing.ImportList;
import com.memberdirectory.kernel.importing.ImportStatus;
import com.memberdirectory.kernel.importing.ImportView;
import com.memberdirectory.kernel.importing.ListImports;
import com.memberdirectory.kernel.importing.QueueImport;
import com.memberdirectory.kernel.importing.QueueUndo;
import com.memberdirectory.kernel.member.FindMember;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberView;
import com.memberdirectory.kernel.problem.FieldError;
import com.memberdirectory.kernel.workbook.MemberColumns;
import io.swagger.v3.oas.annotations.Operation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.types.ObjectId;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Spreadsheet imports (docs/spreadsheets.md): upload, history, error report, dry-run preview, password file; the undo
 * of an import and its report (docs/undo.md).
 */
@RestController
@RequestMapping("/api/imports")
class ImportController {

    static final long MAX_BYTES = 50L * 1024 * 1024;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * An import as the history shows it, with links to its files. {@code kind} {@code UNDO}: the undo of the import
     * {@code undoOf} (docs/undo.md), whose counts are members — changed: set back; unchanged: nothing to undo or
     * already undone; failed: conflicts — and whose {@code reportUrl} lists every member and what happened to it.
     */
    record ImportResponse(String id, String kind, String undoOf, String fileName, ImportStatus status, boolean dryRun,
                          long totalRows, long processedRows, long changedRows, long unchangedRows, long failedRows,
                          Instant startedAt, Instant finishedAt, String message, String errorReportUrl, String previewUrl,
                          String reportUrl, String passwordFileUrl, int runs) {

        static ImportResponse of(ImportView v) {
            String base = "/api/imports/" + v.id();
            return new ImportResponse(v.id(), v.isUndo() ? "UNDO" : "IMPORT", v.undoOf(), v.fileName(), v.status(),
                    v.dryRun(), v.totalRows(), v.processedRows(), v.changedRows(), v.unchangedRows(), v.failedRows(),
                    v.startedAt(), v.finishedAt(), v.message(),
                    v.errorReportId() == null ? null : base + "/error-report",
                    v.previewId() == null || v.isUndo() ? null : base + "/preview",
                    v.previewId() == null || !v.isUndo() ? null : base + "/report",
                    v.passwordFileAvailable() ? base + "/password-file" : null, v.runs());
        }
    }

    record Queued(String id, ImportStatus status) {
    }

    record ImportsResponse(List<ImportResponse> items) {
    }

    private final CommandGateway commands;
    private final ReadModel readModel;
    private final AdminAccess access;
    private final StoredImportFiles files;
    private final ImportSecretsReader secrets;

    ImportController(CommandGateway commands, ReadModel readModel, AdminAccess access, StoredImportFiles files,
                     ImportSecretsReader secrets) {
        this.commands = commands;
        this.readModel = readModel;
        this.access = access;
        this.files = files;
        this.secrets = secrets;
    }

    @Operation(summary = "Upload an edited member workbook; the import runs in the background (dryRun: check only)")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Queued> upload(@RequestPart("file") MultipartFile file,
                                  @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        if (file.getSize() > MAX_BYTES) {
            throw tooLarge();
        }
        String name = fileName(file.getOriginalFilename());
        if (file.isEmpty()) {
            throw refused(400, "empty_file", "The file is empty (0 bytes); upload the saved .xlsx workbook.");
        }
        Path temp = Files.createTempFile("upload-", ".xlsx");
        try {
            file.transferTo(temp);
            try {
                // Every limit that can be checked before the rows are read (WorkbookLimits), a header, a row below it.
                SheetRows.checkImportable(temp);
            } catch (ImportRefused refused) {
                int status = refused.code().equals("not_xlsx") || refused.code().equals("encrypted_workbook")
                        || refused.code().equals("legacy_workbook") ? 415 : 400;
                throw refused(status, refused.code(), refused.getMessage());
            }
            String admin = access.subject();
            List<String> scope = List.copyOf(access.writableDepartments());
            String fileId = files.storeFile(temp, name, admin, "upload");
            String importId = new ObjectId().toHexString();
            commands.sendAndWait(new QueueImport(importId, admin, name, fileId, dryRun, scope));
            ImportView queued = readModel.ask(new FindImport(importId, admin, true), ImportView.class);
            return ResponseEntity.accepted().location(java.net.URI.create("/api/imports/" + importId))
                    .body(new Queued(queued.id(), queued.status()));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Operation(summary = "Undo a finished import in the background (docs/undo.md): each field it changed goes back to its"
            + " value before it, unless changed since (a conflict, reported and left as it is); members it created are"
            + " offboarded. By the admin who ran it or the primary admin; dryRun: the report only, nothing changed."
            + " 404 another admin's or unknown import; 409 import_not_finished, already_undone; 422 not_undoable")
    @PostMapping("/{id}/undo")
    ResponseEntity<Queued> undo(@PathVariable String id, @RequestParam(defaultValue = "false") boolean dryRun) {
        access.requireAdmin();
        String admin = access.subject();
        List<String> scope = List.copyOf(access.writableDepartments());
        ImportView original = readModel.ask(new FindAnyImport(id), ImportView.class);
        String undoId = new ObjectId().toHexString();
        commands.sendAndWait(new QueueUndo(undoId, admin, access.isPrimaryAdmin(), dryRun, scope, original));
        ImportView queued = readModel.ask(new FindImport(undoId, admin, true), ImportView.class);
        return ResponseEntity.accepted().location(java.net.URI.create("/api/imports/" + undoId))
                .body(new Queued(queued.id(), queued.status()));
    }

    @Operation(summary = "The caller's own imports and undos, newest first, at most 10")
    @GetMapping
    ImportsResponse list() {
        access.requireAdmin();
        return new ImportsResponse(readModel.ask(new ListImports(access.subject(), 10), ImportList.class).items().stream()
                .map(ImportResponse::of).toList());
    }

    @GetMapping("/{id}")
    ImportResponse get(@PathVariable String id) {
        return ImportResponse.of(own(id));
    }

    @Operation(summary = "The rejected rows as uploaded, with an Errors column; re-importable as it is")
    @GetMapping("/{id}/error-report")
    ResponseEntity<InputStreamResource> errorReport(@PathVariable String id) throws IOException {
        ImportView view = own(id);
        if (view.errorReportId() == null) {
            throw ApiException.notFound("This import has no error report.");
        }
        return workbook(view.fileName().replaceAll("(?i)\\.xlsx$", "") + "-errors.xlsx", files.open(view.errorReportId()));
    }

    @Operation(summary = "Dry run: the rows that would change, with a Changes column")
    @GetMapping("/{id}/preview")
    ResponseEntity<InputStreamResource> preview(@PathVariable String id) throws IOException {
        ImportView view = own(id);
        if (view.previewId() == null || view.isUndo()) {
            throw ApiException.notFound("This import has no preview.");
        }
        return workbook(view.fileName().replaceAll("(?i)\\.xlsx$", "") + "-preview.xlsx", files.open(view.previewId()));
    }

    @Operation(summary = "An undo's report: every member, set back or the conflict that kept it; re-importable")
    @GetMapping("/{id}/report")
    ResponseEntity<InputStreamResource> undoReport(@PathVariable String id) throws IOException {
        ImportView view = own(id);
        if (!view.isUndo() || view.previewId() == null) {
            throw ApiException.notFound("This is not an undo that has a report.");
        }
        return workbook(view.fileName().replaceAll("(?i)\\.xlsx$", "") + "-undo.xlsx", files.open(view.previewId()));
    }

    @Operation(summary = "Generated login passwords: downloadable once, then 410")
    @GetMapping("/{id}/password-file")
    ResponseEntity<byte[]> passwordFile(@PathVariable String id) throws IOException {
        ImportView view = own(id);
        if (!view.passwordFileAvailable()) {
            throw new ApiException(HttpStatusCode.valueOf(410), "gone",
                    "The password file has already been downloaded (it can be downloaded once) or there is none.", List.of());
        }
        byte[] content = passwordWorkbook(secrets.passwords(id));
        commands.sendAndWait(new DestroyPasswordFile(id, access.subject()));
        secrets.forget(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        Downloads.attachment(view.fileName().replaceAll("(?i)\\.xlsx$", "") + "-passwords.xlsx"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.parseMediaType(XLSX)).body(content);
    }

    private byte[] passwordWorkbook(Map<String, String> passwords) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Passwords");
            Row header = sheet.createRow(0);
            List<String> columns = List.of(MemberColumns.MEMBER_ID, MemberColumns.USER_ID, MemberColumns.NAME,
                    "Login email", "Password");
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i));
            }
            int rows = 1;
            for (Map.Entry<String, String> entry : passwords.entrySet()) {
                MemberView member = readModel.ask(new FindMember(new MemberId(entry.getKey()), 0), MemberView.class);
                Row row = sheet.createRow(rows++);
                row.createCell(0).setCellValue(entry.getKey());
                row.createCell(1).setCellValue(member == null ? "" : member.userId());
                row.createCell(2).setCellValue(member == null ? "" : member.name());
                row.createCell(3).setCellValue(member == null || member.loginEmail() == null ? "" : member.loginEmail());
                row.createCell(4).setCellValue(entry.getValue());
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        }
    }

    private ImportView own(String id) {
        access.requireAdmin();
        ImportView view = readModel.ask(new FindImport(id, access.subject(), false), ImportView.class);
        if (view == null) {
            throw ApiException.notFound("There is no import '" + id + "' of yours.");
        }
        return view;
    }

    private static ResponseEntity<InputStreamResource> workbook(String name, java.io.InputStream in) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(name))
                .contentType(MediaType.parseMediaType(XLSX)).body(new InputStreamResource(in));
    }

    /**
     * The name the import is listed under: the last part of the given name (browsers of old sent a whole path,
     * with / or \); none given: {@code import.xlsx}. A name that is only folders, {@code .} or {@code ..}, longer
     * than 255 characters or holding a control character (NUL…) is refused.
     */
    static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return "import.xlsx";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
        String problem = name.isEmpty() || name.equals(".") || name.equals("..") ? "The file name is not a file's name."
                : name.chars().anyMatch(Character::isISOControl) ? "The file name holds a control character."
                : name.length() > 255 ? "The file name has more than 255 characters."
                : null;
        if (problem != null) {
            throw refused(400, "invalid_file_name", problem + " Upload the workbook under its usual name, e.g. members.xlsx.");
        }
        return name;
    }

    private static ApiException refused(int status, String code, String message) {
        return new ApiException(HttpStatusCode.valueOf(status), code, message, List.of(new FieldError("file", message)));
    }

    private static ApiException tooLarge() {
        return new ApiException(HttpStatusCode.valueOf(413), "payload_too_large",
                "A workbook to import has at most 50 MiB.", List.of(new FieldError("file", "At most 50 MiB.")));
    }
}
