package com.memberdirectory.command.importing;

import com.memberdirectory.kernel.workbook.MemberColumns;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A workbook of some of the uploaded rows, as uploaded (all cells as text), plus one column explaining
 * them: the error report ({@code Errors}, re-importable as it is — the import ignores that column) or the
 * dry-run preview ({@code Changes}). Streams through SXSSF, so it costs little memory however many rows.
 * The {@code Login password} cells are left empty: a password given in the file is never written back (SXSSF
 * would put it in a temporary file too), and an empty cell imports again as "none given".
 */
final class RowReport implements AutoCloseable {

    /** The most characters a cell may hold (Excel's limit; POI refuses more). */
    static final int MAX_CELL = 32_767;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final Sheet sheet;
    private final int explanationColumn;
    private final int[] blanked;
    private int rows;

    RowReport(List<String> header, String explanationHeader) {
        sheet = workbook.createSheet(MemberColumns.SHEET);
        List<String> columns = new ArrayList<>(header);
        explanationColumn = columns.size();
        blanked = IntStream.range(0, header.size())
                .filter(i -> MemberColumns.normalize(header.get(i)).equals(MemberColumns.normalize(MemberColumns.LOGIN_PASSWORD)))
                .toArray();
        columns.add(explanationHeader);
        write(columns);
    }

    synchronized void add(List<String> cells, String explanation) {
        List<String> row = new ArrayList<>(cells);
        while (row.size() < explanationColumn) {
            row.add("");
        }
        for (int column : blanked) {
            row.set(column, "");
        }
        row.add(explanation.length() <= MAX_CELL ? explanation : explanation.substring(0, MAX_CELL - 1) + "…");
        write(row);
    }

    synchronized int size() {
        return rows - 1;
    }

    private void write(List<String> cells) {
        Row row = sheet.createRow(rows++);
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i) != null && !cells.get(i).isEmpty()) {
                Cell cell = row.createCell(i);
                cell.setCellValue(cells.get(i));
            }
        }
    }

    void writeTo(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException e) {
            // temporary files only
        }
    }
}
