package com.memberdirectory.command.importing;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SheetRowsTest {

    @TempDir
    Path folder;

    @Test
    void a_zero_byte_file_is_refused_as_empty_rather_than_failing_inside_POI() throws IOException {
        Path empty = Files.createFile(folder.resolve("empty.xlsx"));
        assertThatThrownBy(() -> SheetRows.header(empty)).isInstanceOf(ImportRefused.class)
                .satisfies(e -> assertThat(((ImportRefused) e).code()).isEqualTo("empty_file"));
    }

    @Test
    void a_sheet_with_only_a_header_has_no_rows() throws IOException {
        Path file = workbook(List.of(List.of("Member ID", "Name")));
        assertThat(SheetRows.header(file)).containsExactly("Member ID", "Name");
        assertThat(SheetRows.hasRows(file)).isFalse();
    }

    @Test
    void blank_rows_below_the_header_are_no_rows() throws IOException {
        assertThat(SheetRows.hasRows(workbook(List.of(List.of("Member ID", "Name"), List.of(" ", ""))))).isFalse();
    }

    @Test
    void a_row_below_the_header_is_a_row() throws IOException {
        assertThat(SheetRows.hasRows(workbook(List.of(List.of("Member ID", "Name"), List.of("", ""), List.of("m1", "Ann")))))
                .isTrue();
    }

    @Test
    void an_empty_sheet_has_no_header() throws IOException {
        Path file = workbook(List.of());
        assertThatThrownBy(() -> SheetRows.header(file)).isInstanceOf(ImportRefused.class)
                .satisfies(e -> assertThat(((ImportRefused) e).code()).isEqualTo("no_header"));
    }

    private Path workbook(List<List<String>> rows) throws IOException {
        Path file = Files.createTempFile(folder, "sheet-", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Members");
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
}
