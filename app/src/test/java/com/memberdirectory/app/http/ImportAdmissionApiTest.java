package com.memberdirectory.app.http;

import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.app.support.RawUpload;
import com.memberdirectory.testsupport.Api;
import com.memberdirectory.testsupport.Tokens;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Imports queued or running (dry runs and uploads in progress included) are bounded per admin (3) and in total (12,
 * see ImportAdmissionTest); an upload over a bound is refused with 429 before its body is read.
 */
class ImportAdmissionApiTest extends ApiTest {

    /** The file of an upload held in progress: sent once the test is done with it, then refused as not an .xlsx. */
    private static final long HELD = 1024;

    @Test
    void an_admin_with_three_uploads_in_progress_is_told_to_wait_before_sending_the_fourth_body() {
        String subject = adminSubjectOf(department(unique("Uploads "), null));
        Api scoped = as(subject);
        List<RawUpload> uploads = new ArrayList<>();
        try {
            // Uploads left in progress until one is refused: on a loaded machine their headers may reach the service
            // in any order, but only a fourth upload in progress is refused.
            String refusedUpload = null;
            for (int i = 0; i < 10 && refusedUpload == null; i++) {
                RawUpload upload = RawUpload.start(port, Tokens.valid(subject), "/api/imports", HELD);
                refusedUpload = upload.answer(Duration.ofSeconds(2));
                if (refusedUpload == null) {
                    uploads.add(upload);
                } else {
                    upload.close();
                }
            }
            assertThat(refusedUpload).startsWith("HTTP/1.1 429");
            Api.Response refused = emptyUpload(scoped);
            assertThat(refused.code()).isEqualTo("too_many_imports");
            assertThat(refused.header("Retry-After")).isEqualTo("30");
            assertThat(refused.body().get("detail").asText()).contains("3 imports queued or running");

            // Refused on its headers: the announced 40 MiB are never sent.
            try (RawUpload fourth = RawUpload.start(port, Tokens.valid(subject), "/api/imports", 40L * 1024 * 1024)) {
                assertThat(fourth.answer(Duration.ofSeconds(30))).startsWith("HTTP/1.1 429");
            }
            // Another admin is not held up by this one's uploads.
            assertThat(emptyUpload(admin).code()).isEqualTo("empty_file");
        } finally {
            finish(uploads);
        }
        // Uploads that ended (refused: their files are no workbooks) free their slots.
        await().atMost(Duration.ofSeconds(30)).until(() -> "empty_file".equals(emptyUpload(scoped).code()));
    }

    @Test
    void finished_imports_and_dry_runs_free_their_slots() throws IOException {
        Api scoped = as(adminSubjectOf(department(unique("Sequential "), null)));
        byte[] workbook = oneRow();
        for (int i = 0; i < 5; i++) {
            Api.Response queued = scoped.upload("/api/imports?dryRun=" + (i % 2 == 0), "one.xlsx", workbook);
            assertThat(queued.status()).as(String.valueOf(queued.body())).isEqualTo(202);
            String id = queued.text("id");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    !List.of("QUEUED", "RUNNING").contains(scoped.get("/api/imports/" + id).text("status")));
        }
    }

    /**
     * Sends the rest of each upload left in progress and waits for its answer: 415, the file is no workbook (408 if
     * the loaded test machine kept it silent for more than 20 s).
     */
    private static void finish(List<RawUpload> uploads) {
        for (RawUpload upload : uploads) {
            try (upload) {
                upload.finish();
                assertThat(upload.answer(Duration.ofSeconds(30))).matches("HTTP/1.1 (415|408).*");
            }
        }
    }

    private static Api.Response emptyUpload(Api api) {
        return api.upload("/api/imports", "empty.xlsx", new byte[0]);
    }

    /** A new admin with the member permission in that department. */
    private String adminSubjectOf(String department) {
        String subject = unique("uploader-");
        Api.Response granted = admin.put("/api/admins/" + subject,
                Map.of("permissions", List.of("MEMBER_AND_DEPARTMENT"), "departmentIds", List.of(department)));
        assertThat(granted.status()).as(String.valueOf(granted.body())).isEqualTo(200);
        return subject;
    }

    private static byte[] oneRow() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Members");
            sheet.createRow(0).createCell(0).setCellValue("Name");
            sheet.createRow(1).createCell(0).setCellValue("Nobody in particular");
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
