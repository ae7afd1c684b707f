package com.memberdirectory.command.importing;

/** The uploaded file cannot be imported at all (not a workbook, too large, encrypted, no header…). */
public class ImportRefused extends RuntimeException {

    /** Why, for clients: {@code not_xlsx}, {@code empty_file}, {@code encrypted_workbook}, {@code legacy_workbook},
     *  {@code zip_bomb},
     *  {@code no_header}, {@code no_rows}, {@code too_many_rows}; the {@link WorkbookLimits}: {@code too_many_columns},
     *  {@code invalid_cell_reference}, {@code too_many_cells}, {@code cell_too_long}, {@code too_many_strings},
     *  {@code too_many_styles}, {@code sheet_too_large}, {@code invalid_workbook}; {@link FormulaCells}:
     *  {@code formula_without_value}, {@code cell_error}. */
    private final String code;

    public ImportRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public ImportRefused(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
