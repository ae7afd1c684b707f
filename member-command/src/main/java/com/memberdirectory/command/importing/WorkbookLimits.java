package com.memberdirectory.command.importing;

/**
 * How much one uploaded workbook may make the service do before its rows are read: each limit is checked up front
 * where the workbook declares it (zip entry sizes, {@code uniqueCount}/{@code count} attributes, the sheet's
 * {@code <dimension ref>}) and again while streaming, since declared values can lie. The values leave room for a
 * real directory: ~25 built-in columns plus custom fields, up to {@link ImportRunner#MAX_ROWS} members.
 */
public final class WorkbookLimits {

    /** Columns a sheet may use (header and rows); cells right of the header's last column are ignored. */
    public static final int MAX_COLUMNS = 512;
    /** The width of any sheet (column XFD): a cell reference beyond it is not a cell. */
    public static final int SHEET_COLUMNS = 16_384;
    /** The height of any sheet: rows, and row elements in the sheet XML. */
    public static final int SHEET_ROWS = 1_048_576;
    /** Cell elements in one row of the sheet XML (a styled empty cell counts too). */
    public static final int MAX_CELLS_PER_ROW = SHEET_COLUMNS;
    /** Characters in one cell (value and formula); Excel's own limit for a value is 32,767. */
    public static final int MAX_CELL_CHARS = 65_536;
    /** Bytes of one piece of XML markup or text between two tags (a long attribute, a long text). */
    public static final int MAX_MARKUP_BYTES = 1 << 20;
    /** Shared strings (distinct texts): ten per member for {@link ImportRunner#MAX_ROWS} members. */
    public static final int MAX_SHARED_STRINGS = 2_000_000;
    /** Characters of all shared strings together. */
    public static final long MAX_SHARED_STRING_CHARS = 64L << 20;
    /** Bytes of the shared-strings part once unpacked. */
    public static final long MAX_SHARED_STRINGS_BYTES = 256L << 20;
    /** Styles of each kind (cell formats, fonts, number formats…): Excel's own limit is 64,000 cell formats. */
    public static final int MAX_STYLES = 64_000;
    /** Bytes of the styles part once unpacked. */
    public static final long MAX_STYLES_BYTES = 16L << 20;
    /** Bytes of the member sheet's XML once unpacked. */
    public static final long MAX_SHEET_BYTES = 1L << 30;

    private WorkbookLimits() {
    }

    /** Column letters for a 0-based column index: 0 → A, 511 → SR. */
    public static String columnName(int index) {
        StringBuilder name = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            name.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return name.toString();
    }

    /** A size in MiB for messages. */
    static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }
}
