package com.memberdirectory.command.importing;

import com.memberdirectory.command.uniqueness.InMemoryUniqueValues;
import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.kernel.importing.FinishImport;
import com.memberdirectory.kernel.importing.ImportQueued;
import com.memberdirectory.kernel.importing.ImportStatus;
import com.memberdirectory.kernel.importing.StartImportRun;
import com.memberdirectory.kernel.member.FieldChange;
import com.memberdirectory.kernel.member.MemberWritten;
import com.memberdirectory.kernel.member.ImportMemberRow;
import com.memberdirectory.kernel.member.PreviewMemberRow;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.workbook.MemberColumns;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run that fails where nothing expected it still ends the import, with a message: never RUNNING for good. */
class ImportRunnerTest {

    @TempDir
    Path folder;

    private final List<Object> sent = new CopyOnWriteArrayList<>();
    /** Asked to stop once the run has started, when set. */
    private RunStop stopOnStart;

    @Test
    void a_dry_run_whose_preview_cannot_be_stored_ends_failed_with_a_message() throws IOException {
        ImportFiles files = new Files2(folder, "preview");
        runner(files).run(new ImportQueued("i1", "admin", "cities.xlsx", "f1", true, List.of()), new RunStop());

        FinishImport finish = finish();
        assertThat(finish.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(finish.message()).contains("dry run").contains("internal error");
        assertThat(finish.previewId()).isNull();
    }

    @Test
    void an_import_whose_error_report_cannot_be_stored_ends_failed_with_a_message() throws IOException {
        ImportFiles files = new Files2(folder, "errors");
        // m2 is not in the directory: its row goes to the error report, which cannot be stored.
        runner(files).run(new ImportQueued("i2", "admin", "cities.xlsx", "f1", false, List.of()), new RunStop());

        FinishImport finish = finish();
        assertThat(finish.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(finish.message()).contains("Import the file again");
    }

    @Test
    void a_finished_import_removes_its_upload_which_may_hold_login_passwords() {
        Files2 files = new Files2(folder, "nothing fails");
        runner(files).run(new ImportQueued("i3", "admin", "cities.xlsx", "upload-3", false, List.of()), new RunStop());
        assertThat(finish().status()).isEqualTo(ImportStatus.PARTIALLY_FAILED);
        assertThat(files.deleted()).containsExactly("upload-3");
    }

    @Test
    void a_failed_import_removes_its_upload_too() {
        Files2 files = new Files2(folder, "errors");
        runner(files).run(new ImportQueued("i4", "admin", "cities.xlsx", "upload-4", false, List.of()), new RunStop());
        assertThat(finish().status()).isEqualTo(ImportStatus.FAILED);
        assertThat(files.deleted()).containsExactly("upload-4");
    }

    /**
     * Its instance lost the imports' segment (SegmentClaims) once the run had started: the run applies no further row
     * and records no end, and the upload stays for the instance that resumes the import.
     */
    @Test
    void a_run_asked_to_stop_applies_no_further_row_and_records_no_end() {
        Files2 files = new Files2(folder, "nothing fails");
        RunStop stop = new RunStop();
        stopOnStart = stop;
        ImportQueued job = new ImportQueued("i5", "admin", "cities.xlsx", "upload-5", false, List.of());

        assertThatThrownBy(() -> runner(files).run(job, stop)).isInstanceOf(RunStop.Stopped.class)
                .hasMessageContaining("lost the segment");

        assertThat(sent).hasSize(1).first().isInstanceOf(StartImportRun.class);
        assertThat(files.deleted()).isEmpty();
    }

    private FinishImport finish() {
        List<FinishImport> finishes = sent.stream().filter(FinishImport.class::isInstance).map(FinishImport.class::cast).toList();
        assertThat(finishes).hasSize(1);
        return finishes.get(0);
    }

    private ImportRunner runner(ImportFiles files) {
        InMemoryUniqueValues lookups = new InMemoryUniqueValues().given(UniqueKind.MEMBER, "m1", "m1");
        ImportCatalog catalog = new ImportCatalog() {
            @Override
            public List<CustomColumn> customColumns() {
                return List.of();
            }

            @Override
            public Optional<String> userIdOf(String memberId) {
                return Optional.empty();
            }
        };
        ImportSecrets secrets = new ImportSecrets() {
            @Override
            public void keep(String importId, MemberId memberId, String password) {
            }

            @Override
            public boolean holdsAny(String importId) {
                return false;
            }
        };
        return new ImportRunner(gateway(), lookups, files, catalog, secrets, 2);
    }

    /** Answers StartImportRun with "go" and every member update with a changed city; records what was sent. */
    private CommandGateway gateway() {
        return (CommandGateway) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{CommandGateway.class},
                (proxy, method, args) -> {
                    Object command = args[0];
                    sent.add(command);
                    if (command instanceof StartImportRun && stopOnStart != null) {
                        stopOnStart.stop("this instance lost the segment");
                    }
                    Object answer = command instanceof StartImportRun ? Boolean.TRUE
                            : command instanceof ImportMemberRow row ? movedToParis(row.memberId())
                            : command instanceof PreviewMemberRow preview ? movedToParis(preview.memberId()) : null;
                    return method.getName().equals("send") ? CompletableFuture.completedFuture(answer) : answer;
                });
    }

    private static MemberWritten movedToParis(com.memberdirectory.kernel.member.MemberId member) {
        return new MemberWritten(member, 2, List.of(new FieldChange("city", null, "Paris")), null);
    }

    /** The uploaded workbook (m1 and an unknown m2 move to Paris); storing a file whose name has {@code failing} fails. */
    private record Files2(Path folder, String failing, List<String> deleted) implements ImportFiles {

        Files2(Path folder, String failing) {
            this(folder, failing, new CopyOnWriteArrayList<>());
        }

        @Override
        public void delete(String fileId) {
            deleted.add(fileId);
        }

        @Override
        public Path download(String fileId) throws IOException {
            Path file = Files.createTempFile(folder, "upload-", ".xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
                Sheet sheet = workbook.createSheet(MemberColumns.SHEET);
                List<List<String>> rows = List.of(List.of(MemberColumns.MEMBER_ID, MemberColumns.CITY),
                        List.of("m1", "Paris"), List.of("m2", "Paris"));
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
                workbook.write(out);
            }
            return file;
        }

        @Override
        public String store(String fileName, String owner, Writer writer) {
            if (fileName.contains(failing)) {
                throw new IllegalStateException("The file store is unavailable");
            }
            return "file-" + fileName;
        }
    }
}
