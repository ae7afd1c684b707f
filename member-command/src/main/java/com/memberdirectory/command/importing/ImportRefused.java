package com.memberdirectory.command.importing;

/** The uploaded file cannot be imported at all (not a workbook, too large, encrypted, no header…). */
public class ImportRefused extends RuntimeException {

    /** Why, for clients: {@code not_xlsx}, {@code empty_file}, {@code encrypted_workbook}, {@code zip_bomb},
     *  {@code no_header}, {@code no_rows}, {@code too_many_rows}. */
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
