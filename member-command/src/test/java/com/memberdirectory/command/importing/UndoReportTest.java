package com.memberdirectory.command.importing;

import com.memberdirectory.command.uniqueness.InMemoryUniqueValues;
import com.memberdirectory.kernel.workbook.MemberColumns;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The undo's report (docs/undo.md), written row by row as the undo goes and laid out once every row is in. */
class UndoReportTest {

    private final UndoValues values = new UndoValues(new InMemoryUniqueValues(), new ImportCatalog() {
        @Override
        public List<CustomColumn> customColumns() {
            return List.of();
        }

        @Override
        public Optional<String> userIdOf(String memberId) {
            return Optional.empty();
        }
    });

    @Test
    void a_field_set_back_for_a_later_member_is_a_column_for_every_member_with_their_value_now() throws IOException {
        Map<String, Object> ann = new HashMap<>(Map.of("name", "Ann", "userId", "ann", "city", "Porto", "alias", "A"));
        Map<String, Object> bob = new HashMap<>(Map.of("name", "Bob", "userId", "bob", "city", "Faro", "hidePhone", true));

        byte[] workbook;
        try (UndoReport report = new UndoReport(values)) {
            report.add(UndoReport.Line.of("m1", plan(Map.of("city", "Lisbon"), ann), 4, "Undone: City"));
            report.add(UndoReport.Line.bare("m2", "Not undone because of an internal error; undo the import again to go on."));
            report.add(UndoReport.Line.of("m3", plan(Map.of("hidePhone", false), bob), 7, "Undone: Hide phone number"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            report.writeTo(out);
            workbook = out.toByteArray();
        }

        List<List<String>> rows = rowsOf(workbook);
        assertThat(rows.get(0)).containsExactly(MemberColumns.MEMBER_ID, "User ID", "Name", "Hide phone number", "City",
                MemberColumns.VERSION, MemberColumns.UNDO);
        assertThat(rows.get(1)).as("the value set back, and the member's value now in the other member's column")
                .containsExactly("m1", "ann", "Ann", "", "Lisbon", "4", "Undone: City");
        assertThat(rows.get(2)).containsExactly("m2", "", "", "", "", "",
                "Not undone because of an internal error; undo the import again to go on.");
        assertThat(rows.get(3)).containsExactly("m3", "bob", "Bob", "No", "Faro", "7", "Undone: Hide phone number");
    }

    private static UndoPlan plan(Map<String, Object> restore, Map<String, Object> current) {
        return new UndoPlan(UndoPlan.Outcome.RESTORE, restore, current, List.of(), List.of(), 3);
    }

    private static List<List<String>> rowsOf(byte[] workbook) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            int width = book.getSheetAt(0).getRow(0).getLastCellNum();
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    cells.add(new DataFormatter().formatCellValue(row.getCell(i)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
