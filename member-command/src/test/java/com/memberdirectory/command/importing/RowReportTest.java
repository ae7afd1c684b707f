package com.memberdirectory.command.importing;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static com.memberdirectory.kernel.workbook.MemberColumns.CHANGES;
import static com.memberdirectory.kernel.workbook.MemberColumns.ERRORS;
import static com.memberdirectory.kernel.workbook.MemberColumns.LOGIN_EMAIL_TYPE;
import static com.memberdirectory.kernel.workbook.MemberColumns.LOGIN_PASSWORD;
import static com.memberdirectory.kernel.workbook.MemberColumns.MEMBER_ID;
import static org.assertj.core.api.Assertions.assertThat;

class RowReportTest {

    private static final List<String> HEADER = List.of(MEMBER_ID, "login password", LOGIN_EMAIL_TYPE);

    @Test
    void the_error_report_keeps_the_row_as_uploaded_but_never_its_password() throws IOException {
        List<String> cells = cellsOf(report(ERRORS, List.of("m1", "weak1", "Business email"), "Login password: too weak"));
        assertThat(cells).containsExactly(MEMBER_ID, "login password", LOGIN_EMAIL_TYPE, ERRORS,
                "m1", "", "Business email", "Login password: too weak");
    }

    @Test
    void the_preview_never_shows_a_password_either() throws IOException {
        List<String> cells = cellsOf(report(CHANGES, List.of("m1", "Secret123", "Business email"), "Login password: false → true"));
        assertThat(cells).doesNotContain("Secret123").contains(LOGIN_PASSWORD + ": false → true");
    }

    @Test
    void an_explanation_longer_than_a_cell_may_hold_is_cut_instead_of_failing_the_report() throws IOException {
        String changes = "Notes: " + "a".repeat(20_000) + " → " + "b".repeat(20_000);
        List<String> cells = cellsOf(report(CHANGES, List.of("m1", "", "Business email"), changes));
        assertThat(cells.get(7)).hasSize(RowReport.MAX_CELL).startsWith("Notes: aaa").endsWith("b…");
    }

    private static byte[] report(String explanation, List<String> row, String text) throws IOException {
        try (RowReport report = new RowReport(HEADER, explanation)) {
            report.add(row, text);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            report.writeTo(out);
            return out.toByteArray();
        }
    }

    /** Every cell of the sheet, row by row, empty cells as "". */
    private static List<String> cellsOf(byte[] workbook) throws IOException {
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            for (Row row : book.getSheetAt(0)) {
                for (int i = 0; i < 4; i++) {
                    cells.add(new DataFormatter().formatCellValue(row.getCell(i)));
                }
            }
        }
        return cells;
    }
}
