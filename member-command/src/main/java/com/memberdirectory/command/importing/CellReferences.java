package com.memberdirectory.command.importing;

import static com.memberdirectory.command.importing.WorkbookLimits.SHEET_COLUMNS;
import static com.memberdirectory.command.importing.WorkbookLimits.SHEET_ROWS;

/** Reads A1-style cell references of the sheet XML, refusing any that is not a cell of a sheet (beyond XFD1048576). */
final class CellReferences {

    private CellReferences() {
    }

    /** The 0-based column of a reference such as {@code B7} or {@code $B$7}. */
    static int column(String reference) {
        int column = 0;
        int letters = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c == '$' && letters == 0) {
                continue;
            }
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - 'a' + 'A');
            }
            if (c < 'A' || c > 'Z') {
                break;
            }
            if (++letters > 3) {
                throw invalid(reference);
            }
            column = column * 26 + (c - 'A' + 1);
        }
        if (letters == 0 || column > SHEET_COLUMNS) {
            throw invalid(reference);
        }
        return column - 1;
    }

    /** The 1-based row of a reference such as {@code B7}. */
    static int row(String reference) {
        int i = 0;
        while (i < reference.length() && !Character.isDigit(reference.charAt(i))) {
            i++;
        }
        return rowNumber(reference.substring(i), reference);
    }

    /** A row number as the {@code r} attribute of a row gives it. */
    static int rowNumber(String digits, String shown) {
        String text = digits.strip();
        if (text.isEmpty() || text.length() > 7 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(shown);
        }
        int row = Integer.parseInt(text);
        if (row < 1 || row > SHEET_ROWS) {
            throw invalid(shown);
        }
        return row;
    }

    static ImportRefused invalid(String reference) {
        String shown = reference.length() > 40 ? reference.substring(0, 40) + "…" : reference;
        return new ImportRefused("invalid_cell_reference", "The sheet refers to cell '" + shown + "', which no sheet has (the "
                + "last cell of a sheet is XFD" + SHEET_ROWS + "); the file is damaged. Save it again with your spreadsheet program.");
    }
}
