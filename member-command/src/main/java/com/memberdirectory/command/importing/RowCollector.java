package com.memberdirectory.command.importing;

import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Collects the cells of each row by column, filling gaps with empty text. The header ends at its last non-empty
 * cell; cells of later rows right of it are ignored. A non-empty cell beyond {@link WorkbookLimits#MAX_COLUMNS}
 * columns is refused.
 */
final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

    /** An exception of the caller's row handler, carried past the parser's own error handling unchanged. */
    static final class HandlerFailure extends RuntimeException {
        HandlerFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    private final SheetRows.Mode mode;
    private final SheetRows.RowHandler handler;
    private final TextsOfHeader lazy;
    private final List<String> cells = new ArrayList<>();
    private final Map<Integer, Integer> sharedByColumn = new HashMap<>();
    /** The column of the cell being read, set by the sheet handler. */
    int column;
    private int currentRow;
    private boolean headerSeen;
    private int width = WorkbookLimits.MAX_COLUMNS;

    /** The zero-based number of the row being read. */
    int currentRow() {
        return currentRow;
    }

    /** Columns the import reads: the header's width once it is seen. */
    int width() {
        return width;
    }

    /** @param lazy the shared strings when they are not held (a header check), else {@code null} */
    RowCollector(SheetRows.Mode mode, SheetRows.RowHandler handler, TextsOfHeader lazy) {
        this.mode = mode;
        this.handler = handler;
        this.lazy = lazy;
    }

    @Override
    public void startRow(int rowNum) {
        currentRow = rowNum;
        cells.clear();
        sharedByColumn.clear();
    }

    @Override
    public void endRow(int rowNum) {
        boolean empty = cells.stream().allMatch(String::isEmpty);
        if (!headerSeen) {
            if (empty) {
                return;
            }
            headerSeen = true;
            while (cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            width = cells.size();
            if (mode == SheetRows.Mode.CHECK) {
                deliver(resolved());
            }
            return;
        }
        if (!empty) {
            deliver(List.copyOf(cells));
        }
    }

    private void deliver(List<String> row) {
        try {
            handler.row(currentRow + 1, row);
        } catch (SheetRows.Stop | ImportRefused e) {
            throw e;
        } catch (RuntimeException e) {
            throw new HandlerFailure(e);
        }
    }

    /** The header row with its shared strings fetched. */
    private List<String> resolved() {
        if (lazy == null || sharedByColumn.isEmpty()) {
            return List.copyOf(cells);
        }
        Map<Integer, String> texts = lazy.resolve(new HashSet<>(sharedByColumn.values()));
        List<String> header = new ArrayList<>(cells);
        sharedByColumn.forEach((col, idx) -> {
            if (col < header.size()) {
                header.set(col, texts.getOrDefault(idx, "").strip());
            }
        });
        return List.copyOf(header);
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
        int shared = lazy == null ? -1 : lazy.takeLast();
        String text = value == null ? "" : value.strip();
        if (column >= WorkbookLimits.MAX_COLUMNS) {
            if (!text.isEmpty()) {
                throw new ImportRefused("too_many_columns", "Cell " + reference + " is beyond column "
                        + WorkbookLimits.columnName(WorkbookLimits.MAX_COLUMNS - 1) + ": an import reads at most "
                        + WorkbookLimits.MAX_COLUMNS + " columns. Delete the columns you do not import.");
            }
            return;
        }
        if (column >= width) {
            return; // right of the header: not imported
        }
        if (shared >= 0 && !headerSeen) {
            sharedByColumn.put(column, shared);
        }
        if (column < cells.size()) {
            // The same cell reported twice (POI writes inline strings that way when it edits them): keep the text.
            if (!text.isEmpty()) {
                cells.set(column, text);
            }
            return;
        }
        while (cells.size() < column) {
            cells.add("");
        }
        cells.add(text);
    }
}
