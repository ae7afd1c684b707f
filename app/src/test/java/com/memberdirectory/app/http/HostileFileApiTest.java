package com.memberdirectory.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberdirectory.app.support.ApiTest;
import com.memberdirectory.app.support.DirectoryState;
import com.memberdirectory.app.support.Xlsx;
import com.memberdirectory.testsupport.Api;
import com.sun.net.httpserver.HttpServer;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static com.memberdirectory.app.support.Xlsx.HEAD;
import static com.memberdirectory.app.support.Xlsx.NS;
import static com.memberdirectory.app.support.Xlsx.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Uploaded files built to read the server's files, call out, exhaust it or smuggle formulas: external entities and
 * entity expansion in any part of the workbook, encrypted and legacy workbooks, a million rows, formula cells. Each is
 * refused at upload with a problem on the file field, or its import ends FAILED with a message; nothing in the
 * directory changes, and ordinary edits keep working.
 */
class HostileFileApiTest extends ApiTest {

    private static final Duration AT_MOST = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private String victim;
    private Api uploader;
    private DirectoryState before;
    /** Counts every request the workbook's XML makes the server send, and answers with a marker text. */
    private HttpServer listener;
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void directory() {
        victim = member(department(unique("Files "), null), Map.of("name", "Victim Unchanged")).get("id").asText();
        uploader = freshAdmin();
        before = DirectoryState.of(admin);
    }

    // ---- XML entities ----

    @BeforeEach
    void listen() throws IOException {
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            calls.incrementAndGet();
            byte[] answer = "<!ENTITY leaked \"NETWORK-MARKER\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        listener.start();
    }

    @AfterEach
    void stopListening() {
        listener.stop(0);
    }

    @Test
    void an_external_entity_in_any_part_of_the_workbook_reads_no_file_and_calls_nobody() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "FILE-MARKER");
        String url = "http://127.0.0.1:" + listener.getAddress().getPort();
        Map<String, String> roots = Map.of(Xlsx.CONTENT_TYPES, "Types", Xlsx.WORKBOOK, "workbook", Xlsx.SHEET, "worksheet",
                Xlsx.SHARED_STRINGS, "sst", Xlsx.STYLES, "styleSheet");
        for (Map.Entry<String, String> part : roots.entrySet()) {
            String root = part.getValue();
            Map<String, String> doctypes = Map.of(
                    "general entities", "<!DOCTYPE " + root + " [<!ENTITY file SYSTEM \"" + secret.toUri() + "\">"
                            + "<!ENTITY net SYSTEM \"" + url + "/general\">]>",
                    "an external DTD", "<!DOCTYPE " + root + " SYSTEM \"" + url + "/dtd\">",
                    "a parameter entity", "<!DOCTYPE " + root + " [<!ENTITY % remote SYSTEM \"" + url + "/parameter\"> %remote;]>");
            for (Map.Entry<String, String> doctype : doctypes.entrySet()) {
                Map<String, String> parts = Xlsx.parts("<sheetData>" + row(1, "Member ID", "Name")
                        + row(2, victim, "Changed by the file") + "</sheetData>", HEAD + "<sst xmlns=\"" + NS + "\"></sst>");
                String xml = parts.get(part.getKey());
                int rootEnd = xml.indexOf('>', xml.indexOf("<" + root)) + 1;
                // the references right inside the root element, where every parser meets them
                parts.put(part.getKey(), HEAD + doctype.getValue() + xml.substring(HEAD.length(), rootEnd)
                        + (doctype.getKey().equals("general entities") ? "&file;&net;" : "") + xml.substring(rootEnd));
                String what = doctype.getKey() + " in " + part.getKey();
                Api.Response answer = uploader.upload("/api/imports", "xxe.xlsx", Xlsx.zip(parts));
                assertThat(answer.status()).as(what + ": " + answer.body()).isIn(400, 415);
                assertFileProblem(answer, answer.status(), null);
                assertThat(new String(answer.raw(), StandardCharsets.UTF_8)).as(what).doesNotContain("FILE-MARKER", "NETWORK-MARKER");
                assertThat(calls.get()).as(what + ": requests the server sent").isZero();
            }
        }
        assertNothingQueued();
        assertNothingChangedAndEditsWork();
    }

    @Test
    void a_billion_laughs_in_the_sheet_or_the_shared_strings_is_refused_at_once() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lollollollollollollollollollol\">");
        for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        Map<String, String> sheet = Xlsx.parts("<sheetData>" + row(1, "Member ID", "Name") + row(2, victim, "&lol9;")
                + "</sheetData>", null);
        sheet.put(Xlsx.SHEET, sheet.get(Xlsx.SHEET).replace(HEAD, HEAD + "<!DOCTYPE worksheet [" + entities + "]>"));
        Map<String, String> strings = Xlsx.parts("<sheetData>" + row(1, "Member ID", "Name") + row(2, victim, "Laughing")
                + "</sheetData>", HEAD + "<!DOCTYPE sst [" + entities + "]><sst xmlns=\"" + NS + "\"><si><t>&lol9;</t></si></sst>");
        for (Map<String, String> parts : List.of(sheet, strings)) {
            Api.Response answer = assertTimeoutPreemptively(AT_MOST, () -> uploader.upload("/api/imports", "lol.xlsx", Xlsx.zip(parts)));
            assertFileProblem(answer, 400, "invalid_workbook");
        }
        assertNothingQueued();
        assertNothingChangedAndEditsWork();
    }

    // ---- containers that are not an .xlsx workbook ----

    @Test
    void a_password_protected_workbook_is_refused_as_encrypted() throws Exception {
        POIFSFileSystem container = new POIFSFileSystem();
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        encryptor.confirmPassword("secret");
        try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(plainWorkbook()));
             OutputStream encrypted = encryptor.getDataStream(container)) {
            workbook.save(encrypted);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        container.writeFilesystem(file);
        container.close();
        Api.Response answer = uploader.upload("/api/imports", "protected.xlsx", file.toByteArray());
        assertFileProblem(answer, 415, "encrypted_workbook");
        assertThat(answer.text("detail")).contains("encrypted");
        assertNothingQueued();
        assertNothingChangedAndEditsWork();
    }

    @Test
    void a_legacy_xls_workbook_is_refused_whatever_it_is_named() throws IOException {
        byte[] xls;
        try (HSSFWorkbook workbook = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill(workbook);
            workbook.write(out);
            xls = out.toByteArray();
        }
        for (String name : List.of("members.xlsx", "members.xls")) {
            Api.Response answer = uploader.upload("/api/imports", name, xls);
            assertFileProblem(answer, 415, "legacy_workbook");
            assertThat(answer.text("detail")).as(name).contains("old .xls format");
        }
        assertNothingQueued();
        assertNothingChangedAndEditsWork();
    }

    // ---- size ----

    @Test
    void a_million_rows_fail_the_import_at_the_row_limit_before_any_is_applied() throws IOException {
        Path file = temp.resolve("million.xlsx");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            Xlsx.writeParts(zip, null, true);
            Xlsx.entry(zip, Xlsx.STYLES, HEAD + "<styleSheet xmlns=\"" + NS + "\"><cellXfs count=\"1\"><xf/></cellXfs></styleSheet>");
            Xlsx.entry(zip, Xlsx.SHARED_STRINGS, HEAD + "<sst xmlns=\"" + NS + "\" count=\"2\" uniqueCount=\"2\">"
                    + "<si><t>no-such-member</t></si><si><t>Nobody</t></si></sst>");
            zip.putNextEntry(new ZipEntry(Xlsx.SHEET));
            // Streamed: the first data row would change a real member, the million below name nobody.
            Writer sheet = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            sheet.write(HEAD + "<worksheet xmlns=\"" + NS + "\"><sheetData>" + row(1, "Member ID", "Name")
                    + row(2, victim, "Changed by the file"));
            for (int r = 3; r <= 1_000_002; r++) {
                sheet.write("<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"s\"><v>0</v></c><c r=\"B" + r + "\" t=\"s\"><v>1</v></c></row>");
            }
            sheet.write("</sheetData></worksheet>");
            sheet.flush();
            zip.closeEntry();
        }
        System.out.printf("1,000,001-row workbook: %.1f MB%n", Files.size(file) / 1e6);
        Api.Response queued = uploader.upload("/api/imports", "million.xlsx", Files.readAllBytes(file));
        assertThat(queued.status()).as(String.valueOf(queued.body())).isEqualTo(202);
        JsonNode failed = finished(queued.text("id"));
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("message").asText()).contains("200000");
        assertThat(failed.get("changedRows").asLong()).isZero();
        assertNothingChangedAndEditsWork();
    }

    // ---- formulas ----

    @Test
    void formula_cells_import_the_result_the_spreadsheet_saved_never_the_formula() {
        String sheet = "<sheetData>" + row(1, "Member ID", "Name", "City", "Seat ID")
                + "<row r=\"2\">" + Xlsx.cell("A2", victim)
                + "<c r=\"B2\" t=\"str\"><f>HYPERLINK(\"http://evil.example/\",\"Click Me\")</f><v>Click Me</v></c>"
                + "<c r=\"C2\" t=\"str\"><f>\"Lis\"&amp;\"bon\"</f><v>Lisbon</v></c>"
                + "<c r=\"D2\"><f>1+1</f><v>2</v></c>"
                // right of the header: not imported, so its missing result does not matter
                + "<c r=\"F2\"><f>SUM(D2:D3)</f></c></row></sheetData>";
        Api.Response queued = uploader.upload("/api/imports", "formulas.xlsx", Xlsx.xlsx(sheet, null));
        assertThat(queued.status()).as(String.valueOf(queued.body())).isEqualTo(202);
        JsonNode done = finished(queued.text("id"));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        JsonNode member = admin.get("/api/members/" + victim).body();
        assertThat(member.get("name").asText()).isEqualTo("Click Me");
        assertThat(member.get("city").asText()).isEqualTo("Lisbon");
        assertThat(member.get("seatId").asText()).isEqualTo("2");
    }

    @Test
    void a_formula_saved_without_its_result_is_refused_naming_the_cell() {
        String formula = "<c r=\"C%d\"><f>1+1</f></c>";
        Api.Response second = uploader.upload("/api/imports", "openpyxl.xlsx", Xlsx.xlsx("<sheetData>"
                + row(1, "Member ID", "Name", "City") + "<row r=\"2\">" + Xlsx.cell("A2", victim) + Xlsx.cell("B2", "Changed")
                + formula.formatted(2) + "</row></sheetData>", null));
        assertFileProblem(second, 400, "formula_without_value");
        assertThat(second.text("detail")).contains("C2");
        assertNothingQueued();

        // Below the rows the upload looks at, the run finds it before applying any row.
        Api.Response third = uploader.upload("/api/imports", "openpyxl.xlsx", Xlsx.xlsx("<sheetData>"
                + row(1, "Member ID", "Name", "City") + row(2, victim, "Changed", "Oslo")
                + "<row r=\"3\">" + Xlsx.cell("A3", "no-such-member") + formula.formatted(3) + "</row></sheetData>", null));
        assertThat(third.status()).as(String.valueOf(third.body())).isEqualTo(202);
        JsonNode failed = finished(third.text("id"));
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("message").asText()).contains("C3");
        assertNothingChangedAndEditsWork();
    }

    @Test
    void a_cell_showing_a_formula_error_is_refused_naming_the_cell() {
        Api.Response answer = uploader.upload("/api/imports", "errors.xlsx", Xlsx.xlsx("<sheetData>"
                + row(1, "Member ID", "Name", "City") + "<row r=\"2\">" + Xlsx.cell("A2", victim) + Xlsx.cell("B2", "Changed")
                + "<c r=\"C2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c></row></sheetData>", null));
        assertFileProblem(answer, 400, "cell_error");
        assertThat(answer.text("detail")).contains("C2");
        assertNothingQueued();
        assertNothingChangedAndEditsWork();
    }

    @Test
    void text_that_looks_like_a_formula_is_exported_as_text_and_imports_back_unchanged() throws IOException {
        Map<String, String> values = Map.of("name", "=1+1", "alias", "+SUM(1,2)", "city", "-2+3", "seatId", "@A1",
                "employeeId", "=HYPERLINK(\"http://evil.example/\",\"x\")");
        String id = member(department(unique("Formulas "), null), new HashMap<>(values)).get("id").asText();

        byte[] export = exported(id);
        assertThat(sheetXml(export)).as("formula elements in the export").doesNotContain("<f>", "<f ");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            Sheet sheet = workbook.getSheet("Members");
            Map<String, Integer> columns = new HashMap<>();
            sheet.getRow(0).forEach(cell -> columns.put(cell.getStringCellValue(), cell.getColumnIndex()));
            Map<String, String> headers = Map.of("name", "Name", "alias", "Alias", "city", "City", "seatId", "Seat ID",
                    "employeeId", "Employee ID");
            values.forEach((field, value) -> {
                Cell cell = sheet.getRow(1).getCell(columns.get(headers.get(field)));
                assertThat(cell.getCellType()).as(field).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).as(field).isEqualTo(value);
            });
        }
        byte[] changeList = admin.get("/api/audit/export?memberId=" + id).raw();
        assertThat(sheetXml(changeList)).as("formula elements in the change list").doesNotContain("<f>", "<f ").contains("=1+1");

        Api.Response queued = uploader.upload("/api/imports", "export.xlsx", export);
        assertThat(queued.status()).as(String.valueOf(queued.body())).isEqualTo(202);
        JsonNode done = finished(queued.text("id"));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("unchangedRows").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/members/" + id).body().get("version").asLong()).isEqualTo(1);
    }

    // ---- helpers ----

    private JsonNode finished(String importId) {
        await().atMost(AT_MOST).until(() -> !List.of("QUEUED", "RUNNING").contains(uploader.get("/api/imports/" + importId).text("status")));
        return uploader.get("/api/imports/" + importId).body();
    }

    private static void assertFileProblem(Api.Response answer, int status, String code) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        if (code != null) {
            assertThat(answer.code()).isEqualTo(code);
        }
        assertThat(answer.text("detail")).isNotBlank();
        assertThat(answer.text("/errors/0/field")).isEqualTo("file");
    }

    private void assertNothingQueued() {
        assertThat(uploader.get("/api/imports").body().get("items")).isEmpty();
    }

    private void assertNothingChangedAndEditsWork() {
        before.assertSame(admin);
        assertThat(admin.get("/api/members/" + victim).body().get("name").asText()).isEqualTo("Victim Unchanged");
        DirectoryState.assertEditsStillWork(admin, victim);
    }

    private byte[] plainWorkbook() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill(workbook);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The Members sheet of a workbook that would rename the victim. */
    private void fill(Workbook workbook) {
        Sheet sheet = workbook.createSheet("Members");
        Row header = sheet.createRow(0);
        header.createCell(0).setCellValue("Member ID");
        header.createCell(1).setCellValue("Name");
        Row row = sheet.createRow(1);
        row.createCell(0).setCellValue(victim);
        row.createCell(1).setCellValue("Changed by the file");
    }

    private byte[] exported(String memberId) {
        Api.Response started = admin.post("/api/exports", Map.of("selection", "SELECTED", "memberIds", List.of(memberId),
                "fileName", "formulas"));
        assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(202);
        String id = started.text("id");
        await().atMost(AT_MOST).until(() -> !admin.get("/api/exports/" + id).text("status").equals("RUNNING"));
        assertThat(admin.get("/api/exports/" + id).text("status")).isEqualTo("SUCCEEDED");
        return admin.get("/api/exports/" + id + "/file").raw();
    }

    /** The XML of every worksheet in the file (read from a file: SXSSF writes entries a ZipInputStream cannot read). */
    private String sheetXml(byte[] xlsx) throws IOException {
        Path file = Files.write(Files.createTempFile(temp, "sheets", ".xlsx"), xlsx);
        StringBuilder xml = new StringBuilder();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().startsWith("xl/worksheets/")) {
                    xml.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return xml.toString();
    }
}
