package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.testsupport.Api;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static com.memberdirectory.app.support.Xlsx.HEAD;
import static com.memberdirectory.app.support.Xlsx.NS;
import static com.memberdirectory.app.support.Xlsx.cell;
import static com.memberdirectory.app.support.Xlsx.column;
import static com.memberdirectory.app.support.Xlsx.entry;
import static com.memberdirectory.app.support.Xlsx.row;
import static com.memberdirectory.app.support.Xlsx.writeParts;
import static com.memberdirectory.app.support.Xlsx.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Workbooks built to stall the service (written part by part with java.util.zip, since POI would not make them):
 * each is refused at upload with a problem on the file field, or its import fails with a message; none stays
 * QUEUED or RUNNING, nothing is changed, and the service keeps answering.
 */
class HostileWorkbookApiTest extends ApiTest {

    private static final Duration AT_MOST = Duration.ofSeconds(30);

    @Test
    void a_sheet_of_50_rows_by_16384_columns_is_refused_at_once_and_queues_nothing() throws IOException {
        StringBuilder sheet = new StringBuilder("<dimension ref=\"A1:XFD50\"/><sheetData>");
        for (int r = 1; r <= 50; r++) {
            sheet.append("<row r=\"").append(r).append("\">");
            for (int c = 0; c < 16_384; c++) {
                sheet.append(cell(column(c) + r, r == 1 && c == 0 ? "Member ID" : "v" + c));
            }
            sheet.append("</row>");
        }
        Api uploader = freshAdmin();
        byte[] wide = xlsx(sheet.append("</sheetData>").toString(), null);
        System.out.printf("50 × 16,384 workbook: %.1f MB%n", wide.length / 1e6);
        Api.Response answer = timed("50 × 16,384 cells", () -> uploader.upload("/api/imports?dryRun=true", "wide.xlsx", wide));
        assertProblem(answer, "too_many_columns");
        assertThat(answer.body().get("detail").asText()).contains("512");
        assertNothingQueuedAndHealthy(uploader);
    }

    @Test
    void a_cell_beyond_column_XFD_is_refused_at_upload_or_fails_the_import_with_a_message() throws IOException {
        Api uploader = freshAdmin();
        assertProblem(uploader.upload("/api/imports", "zz.xlsx", xlsx("<sheetData>" + row(1, "Member ID", "Name")
                + "<row r=\"2\">" + cell("ZZZZZ2", "x") + "</row></sheetData>", null)), "invalid_cell_reference");
        assertNothingQueuedAndHealthy(uploader);
        // Past the rows the upload looks at, the background run finds it and fails with the reason.
        Api.Response queued = uploader.upload("/api/imports", "zz3.xlsx", xlsx("<sheetData>" + row(1, "Member ID", "Name")
                + row(2, "no-such-member", "Nobody") + "<row r=\"3\">" + cell("ZZZZZ3", "x") + "</row></sheetData>", null));
        assertThat(queued.status()).as(String.valueOf(queued.body())).isEqualTo(202);
        String id = queued.text("id");
        await().atMost(AT_MOST).until(() -> !List.of("QUEUED", "RUNNING").contains(uploader.get("/api/imports/" + id).text("status")));
        JsonNode failed = uploader.get("/api/imports/" + id).body();
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("message").asText()).contains("ZZZZZ3");
        assertThat(failed.get("changedRows").asLong()).isZero();
    }

    @Test
    void a_wide_row_below_a_narrow_header_fails_a_dry_run_with_a_message_instead_of_running_forever() throws IOException {
        Api uploader = freshAdmin();
        StringBuilder wide = new StringBuilder("<row r=\"3\">");
        for (int c = 0; c < 16_384; c++) {
            wide.append(cell(column(c) + 3, "w"));
        }
        Api.Response queued = uploader.upload("/api/imports?dryRun=true", "wide-row.xlsx", xlsx("<sheetData>"
                + row(1, "Member ID", "Name") + row(2, "no-such-member", "Nobody") + wide + "</row></sheetData>", null));
        assertThat(queued.status()).as(String.valueOf(queued.body())).isEqualTo(202);
        String id = queued.text("id");
        await().atMost(AT_MOST).until(() -> !List.of("QUEUED", "RUNNING").contains(uploader.get("/api/imports/" + id).text("status")));
        JsonNode failed = uploader.get("/api/imports/" + id).body();
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("message").asText()).contains("512");
    }

    @Test
    void thirty_million_shared_strings_behind_incompressible_filler_are_refused_without_holding_them() throws IOException {
        Random random = new Random(7);
        StringBuilder strings = new StringBuilder(HEAD + "<sst xmlns=\"" + NS + "\"><si><t>Member ID</t></si><si><t>m1</t></si>");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // 20 MB of random text first, so that POI's inflate-ratio guard never trips; then 30 million short strings.
        for (int i = 0; i < 700; i++) {
            byte[] noise = new byte[22_000];
            random.nextBytes(noise);
            strings.append("<si><t>").append(Base64.getEncoder().encodeToString(noise)).append("</t></si>");
        }
        byte[] file;
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            writeParts(zip, "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row></sheetData>", true);
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            zip.write(strings.toString().getBytes(StandardCharsets.UTF_8));
            byte[] block = "<si><t>a</t></si>".repeat(100_000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 300; i++) {
                zip.write(block);
            }
            zip.write("</sst>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            entry(zip, "xl/styles.xml", HEAD + "<styleSheet xmlns=\"" + NS + "\"><cellXfs count=\"1\"><xf/></cellXfs></styleSheet>");
        }
        file = bytes.toByteArray();
        System.out.printf("shared-strings workbook: %.1f MB%n", file.length / 1e6);
        assertThat(file.length).isLessThan(50 * 1024 * 1024);
        Api uploader = freshAdmin();
        assertProblem(timed("30 million shared strings", () -> uploader.upload("/api/imports", "strings.xlsx", file)),
                "too_many_strings");
        assertNothingQueuedAndHealthy(uploader);
    }

    @Test
    void a_styles_part_with_a_million_formats_is_refused() throws IOException {
        StringBuilder styles = new StringBuilder(HEAD + "<styleSheet xmlns=\"" + NS + "\"><cellXfs>");
        styles.append("<xf/>".repeat(1_000_000)).append("</cellXfs></styleSheet>");
        Api uploader = freshAdmin();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(java.util.zip.Deflater.NO_COMPRESSION);
            writeParts(zip, "<sheetData>" + row(1, "Member ID") + row(2, "m") + "</sheetData>", false);
            zip.putNextEntry(new ZipEntry("xl/styles.xml"));
            zip.write(styles.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertProblem(uploader.upload("/api/imports", "styles.xlsx", bytes.toByteArray()), "too_many_styles");
        assertNothingQueuedAndHealthy(uploader);
    }

    private static Api.Response timed(String what, java.util.function.Supplier<Api.Response> upload) {
        return assertTimeoutPreemptively(AT_MOST, () -> {
            long start = System.nanoTime();
            Api.Response answer = upload.get();
            System.out.printf("%s: answered %d in %d ms%n", what, answer.status(), (System.nanoTime() - start) / 1_000_000);
            return answer;
        });
    }

    private static void assertProblem(Api.Response answer, String code) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(400);
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("file");
    }

    private void assertNothingQueuedAndHealthy(Api uploader) {
        Api.Response imports = uploader.get("/api/imports");
        assertThat(imports.status()).isEqualTo(200);
        assertThat(imports.body().get("items")).isEmpty();
        Api.Response health = anonymous().get("/actuator/health");
        assertThat(health.text("status")).as(String.valueOf(health.body())).isEqualTo("UP");
    }
}
