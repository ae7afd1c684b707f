package com.memberdirectory.command.importing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.memberdirectory.command.importing.HostileXlsx.row;
import static com.memberdirectory.command.importing.HostileXlsx.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Each of {@link WorkbookLimits}, on workbooks written part by part. */
class SheetRowsLimitsTest {

    @TempDir
    Path folder;

    private Path file(HostileXlsx.Part sheet, HostileXlsx.Part strings, HostileXlsx.Part styles) throws IOException {
        return HostileXlsx.write(folder.resolve("w" + System.nanoTime() + ".xlsx"), sheet, strings, styles);
    }

    private Path flat(HostileXlsx.Part sheet, HostileXlsx.Part strings, HostileXlsx.Part styles) throws IOException {
        return HostileXlsx.writeUncompressed(folder.resolve("f" + System.nanoTime() + ".xlsx"), sheet, strings, styles);
    }

    private static void refused(Runnable read, String code) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(read::run)
                .isInstanceOf(ImportRefused.class)
                .satisfies(e -> assertThat(((ImportRefused) e).code()).as(e.getMessage()).isEqualTo(code)));
    }

    private static String[] wide(int columns, String prefix) {
        String[] cells = new String[columns];
        for (int c = 0; c < columns; c++) {
            cells[c] = prefix + c;
        }
        return cells;
    }

    @Test
    void a_sheet_16384_columns_wide_is_refused_by_its_dimension_before_a_row_is_read() throws IOException {
        String[] rows = new String[50];
        for (int r = 0; r < 50; r++) {
            rows[r] = row(r + 1, wide(WorkbookLimits.SHEET_COLUMNS, "v"));
        }
        Path file = file(sheet("A1:XFD50", rows), null, null);
        long start = System.nanoTime();
        refused(() -> SheetRows.checkImportable(file), "too_many_columns");
        System.out.printf("16,384-column sheet refused in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void without_a_dimension_a_header_wider_than_512_columns_is_refused_while_streaming() throws IOException {
        Path file = file(sheet(null, row(1, wide(WorkbookLimits.SHEET_COLUMNS, "h")), row(2, "x")), null, null);
        refused(() -> SheetRows.checkImportable(file), "too_many_columns");
        refused(() -> SheetRows.rows(file, (n, cells) -> { }), "too_many_columns");
    }

    @Test
    void cells_right_of_the_header_are_ignored_and_a_row_cut_to_its_width() throws IOException {
        String[] data = new String[300];
        data[0] = "m1";
        data[299] = "far right";
        Path file = file(sheet(null, row(1, "Member ID", "Name"), row(2, data)), null, null);
        assertThat(SheetRows.checkImportable(file)).containsExactly("Member ID", "Name");
        List<List<String>> rows = new ArrayList<>();
        SheetRows.rows(file, (n, cells) -> rows.add(cells));
        assertThat(rows).containsExactly(List.of("m1"));
    }

    @Test
    void a_cell_beyond_column_XFD_is_refused_with_its_reference() throws IOException {
        Path file = file(sheet(null, row(1, "Member ID", "Name"), "<row r=\"2\">" + HostileXlsx.cell("ZZZZZ2", "x") + "</row>"), null, null);
        refused(() -> SheetRows.checkImportable(file), "invalid_cell_reference");
        assertThatThrownBy(() -> SheetRows.rows(file, (n, c) -> { })).hasMessageContaining("ZZZZZ2");
    }

    @Test
    void a_non_empty_cell_beyond_512_columns_in_a_later_row_is_refused() throws IOException {
        Path file = file(sheet(null, row(1, "Member ID"), row(2, "m1"), "<row r=\"3\">" + HostileXlsx.cell("TA3", "x") + "</row>"), null, null);
        assertThat(SheetRows.checkImportable(file)).containsExactly("Member ID");
        refused(() -> SheetRows.rows(file, (n, c) -> { }), "too_many_columns");
    }

    @Test
    void a_row_number_beyond_the_sheet_is_refused() throws IOException {
        Path file = file(sheet(null, row(1, "Member ID"), "<row r=\"99999999999\"><c r=\"A2\" t=\"inlineStr\"><is><t>m</t></is></c></row>"), null, null);
        refused(() -> SheetRows.checkImportable(file), "invalid_cell_reference");
    }

    @Test
    void a_row_with_more_cell_elements_than_a_row_has_is_refused() throws IOException {
        StringBuilder row = new StringBuilder("<row r=\"2\">");
        for (int i = 0; i <= WorkbookLimits.MAX_CELLS_PER_ROW; i++) {
            row.append("<c r=\"A2\"/>");
        }
        Path file = flat(sheet(null, row(1, "Member ID"), row.append("</row>").toString()), null, null);
        refused(() -> SheetRows.checkImportable(file), "too_many_cells");
    }

    @Test
    void a_cell_longer_than_a_cell_can_be_or_a_huge_attribute_is_refused() throws IOException {
        Path longCell = flat(sheet(null, row(1, "Member ID"), row(2, "x".repeat(WorkbookLimits.MAX_CELL_CHARS + 1))), null, null);
        refused(() -> SheetRows.checkImportable(longCell), "cell_too_long");
        Path attribute = flat(sheet(null, row(1, "Member ID"), "<row r=\"2\" spans=\"" + "1".repeat(WorkbookLimits.MAX_MARKUP_BYTES + 1)
                + "\"></row>"), null, null);
        refused(() -> SheetRows.checkImportable(attribute), "cell_too_long");
        Path comment = file(sheet(null, row(1, "Member ID"), "<!-- note -->", row(2, "m")), null, null);
        refused(() -> SheetRows.checkImportable(comment), "invalid_workbook");
    }

    @Test
    void more_shared_strings_than_allowed_are_refused_whether_declared_or_counted() throws IOException {
        HostileXlsx.Part sheetOfStrings = sheet(null, "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
                "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row>");
        Path declared = file(sheetOfStrings, w -> w.write(HostileXlsx.HEAD + "<sst xmlns=\"" + HostileXlsx.NS
                + "\" uniqueCount=\"30000000\"><si><t>Member ID</t></si><si><t>m</t></si></sst>"), null);
        refused(() -> SheetRows.checkImportable(declared), "too_many_strings");
        Path counted = flat(sheetOfStrings, w -> {
            w.write(HostileXlsx.HEAD + "<sst xmlns=\"" + HostileXlsx.NS + "\"><si><t>Member ID</t></si>");
            for (int i = 0; i <= WorkbookLimits.MAX_SHARED_STRINGS; i++) {
                w.write("<si><t>a</t></si>");
            }
            w.write("</sst>");
        }, null);
        refused(() -> SheetRows.checkImportable(counted), "too_many_strings");
    }

    @Test
    void shared_strings_with_more_characters_than_allowed_are_refused() throws IOException {
        Path file = flat(sheet(null, "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), w -> {
            w.write(HostileXlsx.HEAD + "<sst xmlns=\"" + HostileXlsx.NS + "\">");
            String text = "<si><t>" + "y".repeat(60_000) + "</t></si>";
            for (long chars = 0; chars <= WorkbookLimits.MAX_SHARED_STRING_CHARS; chars += 60_000) {
                w.write(text);
            }
            w.write("</sst>");
        }, null);
        refused(() -> SheetRows.checkImportable(file), "too_many_strings");
    }

    @Test
    void the_header_reads_only_the_shared_strings_it_needs_and_blank_strings_are_empty() throws IOException {
        Path file = file(sheet(null, "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>2</v></c><c r=\"B1\" t=\"s\"><v>0</v></c></row>",
                        "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row>",
                        "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>3</v></c></row>"),
                w -> w.write(HostileXlsx.HEAD + "<sst xmlns=\"" + HostileXlsx.NS + "\"><si><t>Name</t></si><si><t> </t></si>"
                        + "<si><r><t>Member</t></r><r><t xml:space=\"preserve\"> ID</t></r><rPh><t>x</t></rPh></si><si><t>m1</t></si></sst>"), null);
        assertThat(SheetRows.checkImportable(file)).containsExactly("Member ID", "Name");
        List<List<String>> rows = new ArrayList<>();
        SheetRows.rows(file, (n, cells) -> rows.add(cells));
        assertThat(rows).containsExactly(List.of("m1"));
    }

    @Test
    void a_shared_string_index_the_workbook_lacks_is_refused() throws IOException {
        Path file = file(sheet(null, row(1, "Member ID"), "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>7</v></c></row>"),
                w -> w.write(HostileXlsx.HEAD + "<sst xmlns=\"" + HostileXlsx.NS + "\"><si><t>a</t></si></sst>"), null);
        refused(() -> SheetRows.checkImportable(file), "invalid_workbook");
    }

    @Test
    void more_styles_than_allowed_are_refused_whether_declared_or_counted() throws IOException {
        HostileXlsx.Part simple = sheet(null, row(1, "Member ID"), row(2, "m"));
        Path declared = file(simple, null, w -> w.write(HostileXlsx.HEAD + "<styleSheet xmlns=\"" + HostileXlsx.NS
                + "\"><cellXfs count=\"1000000\"><xf/></cellXfs></styleSheet>"));
        refused(() -> SheetRows.checkImportable(declared), "too_many_styles");
        Path counted = flat(simple, null, w -> {
            w.write(HostileXlsx.HEAD + "<styleSheet xmlns=\"" + HostileXlsx.NS + "\"><fonts>");
            for (int i = 0; i <= WorkbookLimits.MAX_STYLES; i++) {
                w.write("<font/>");
            }
            w.write("</fonts></styleSheet>");
        });
        refused(() -> SheetRows.checkImportable(counted), "too_many_styles");
    }

    @Test
    void a_sheet_that_declares_more_than_its_limit_is_refused_before_it_is_read() throws IOException {
        Path file = file(w -> {
            w.write(HostileXlsx.HEAD + "<worksheet xmlns=\"" + HostileXlsx.NS + "\"><sheetData>" + row(1, "Member ID"));
            String empty = "<row/>".repeat(10_000);
            for (long bytes = 0; bytes <= WorkbookLimits.MAX_SHEET_BYTES; bytes += empty.length()) {
                w.write(empty);
            }
            w.write("</sheetData></worksheet>");
        }, null, null);
        long start = System.nanoTime();
        refused(() -> SheetRows.checkImportable(file), "sheet_too_large");
        System.out.printf("a sheet declaring more than 1 GiB refused in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void more_row_elements_than_a_sheet_has_are_refused_while_streaming() throws IOException {
        Path file = flat(w -> {
            w.write(HostileXlsx.HEAD + "<worksheet xmlns=\"" + HostileXlsx.NS + "\"><sheetData>" + row(1, "Member ID"));
            for (int r = 0; r < WorkbookLimits.SHEET_ROWS; r++) {
                w.write("<row/>");
            }
            w.write("</sheetData></worksheet>");
        }, null, null);
        refused(() -> SheetRows.checkImportable(file), "too_many_rows");
    }
}
