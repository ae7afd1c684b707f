package com.memberdirectory.command.importing;

import com.memberdirectory.kernel.workbook.MemberColumns;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.parsers.ParserConfigurationException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.memberdirectory.command.importing.WorkbookLimits.MAX_SHARED_STRINGS_BYTES;
import static com.memberdirectory.command.importing.WorkbookLimits.MAX_SHEET_BYTES;
import static com.memberdirectory.command.importing.WorkbookLimits.MAX_STYLES_BYTES;

/**
 * Streams the rows of the member sheet of an .xlsx file with POI's SAX (event) API: the workbook is never
 * held in memory. Every cell arrives as trimmed text: numbers in plain notation (a phone number typed as a
 * number keeps all its digits), date cells as ISO dates ({@code 2024-03-01}).
 */
public final class SheetRows {

    /** Receives the rows after the header; {@code rowNumber} is the 1-based row of the sheet. */
    public interface RowHandler {
        void row(int rowNumber, List<String> cells);
    }

    /** Thrown by a handler to stop reading early. */
    public static final class Stop extends RuntimeException {
        public Stop() {
            super(null, null, false, false);
        }
    }

    static {
        // POI's zip-bomb guard: refuse entries that inflate more than 100 times (the default) — never relaxed.
        ZipSecureFile.setMinInflateRatio(0.01);
        // No part of an importable workbook unpacks to more than its sheet may (the parts read here are counted anyway).
        ZipSecureFile.setMaxEntrySize(MAX_SHEET_BYTES + (1 << 20));
    }

    private SheetRows() {
    }

    /** Refuses files that are not plain .xlsx workbooks: encrypted or legacy files, other formats. */
    public static void checkFormat(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            if (Files.size(file) == 0) {
                throw new ImportRefused("empty_file", "The file is empty (0 bytes).");
            }
            FileMagic magic = FileMagic.valueOf(in);
            if (magic == FileMagic.OLE2) {
                throw new ImportRefused("encrypted_workbook", "The workbook is encrypted or in the old .xls format; save it as an "
                        + "unprotected .xlsx workbook and upload it again.");
            }
            if (magic != FileMagic.OOXML) {
                throw new ImportRefused("not_xlsx", "The file is not an .xlsx workbook.");
            }
        } catch (IOException e) {
            throw new ImportRefused("not_xlsx", "The file cannot be read.", e);
        }
    }

    /** The header row (the first row holding something), as written, up to its last non-empty cell. */
    public static List<String> header(Path file) {
        return check(file, 1).get(0);
    }

    /** Whether any row after the header holds something (reads no further than the first such row). */
    public static boolean hasRows(Path file) {
        return check(file, 2).size() == 2;
    }

    /**
     * The upload's checks in one pass: the workbook within every {@link WorkbookLimits limit} that can be checked
     * before its rows are read, a header, and a row below it. Holds no more than the header's texts.
     *
     * @return the header
     */
    public static List<String> checkImportable(Path file) {
        List<List<String>> rows = check(file, 2);
        if (rows.size() < 2) {
            throw new ImportRefused("no_rows", "The sheet has a header row but no rows below it: there is nothing to import.");
        }
        return rows.get(0);
    }

    /** The header and, if wanted, the first row below it (its shared strings not fetched: only empty or not). */
    private static List<List<String>> check(Path file, int wanted) {
        List<List<String>> rows = new ArrayList<>();
        read(file, Mode.CHECK, (row, cells) -> {
            rows.add(cells);
            if (rows.size() == wanted) {
                throw new Stop();
            }
        });
        if (rows.isEmpty()) {
            throw new ImportRefused("no_header", "The sheet is empty: there is no header row.");
        }
        return rows;
    }

    /** Every row after the header, cut to the header's width. */
    public static void rows(Path file, RowHandler handler) {
        read(file, Mode.ALL, handler);
    }

    /**
     * What a read needs: {@code CHECK} the header (its texts fetched) then the rows, their shared strings given only as
     * empty or not, without holding the shared strings; {@code ALL} every row after the header, with all its texts.
     */
    private enum Mode { CHECK, ALL }

    /** The refusal an exception carries, through parsers that wrap what they pass on. */
    static ImportRefused refusalIn(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 20; depth++) {
            if (t instanceof ImportRefused refused) {
                return refused;
            }
            if (t instanceof GuardedPart.Refusal refusal) {
                return refusal.refused();
            }
            Throwable next = t.getCause();
            if (t instanceof SAXException sax && sax.getException() != null) {
                next = sax.getException();
            } else if (t instanceof javax.xml.stream.XMLStreamException xml && xml.getNestedException() != null) {
                next = xml.getNestedException();
            }
            t = next == t ? null : next;
        }
        return null;
    }

    private static void read(Path file, Mode mode, RowHandler handler) {
        checkFormat(file);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            PackagePart chosen = null;
            while (sheets.hasNext()) {
                sheets.next().close();
                if (chosen == null || MemberColumns.SHEET.equalsIgnoreCase(sheets.getSheetName())) {
                    chosen = sheets.getSheetPart();
                    if (MemberColumns.SHEET.equalsIgnoreCase(sheets.getSheetName())) {
                        break;
                    }
                }
            }
            if (chosen == null) {
                throw new ImportRefused("no_header", "The workbook has no sheet.");
            }
            PackagePart sheetPart = chosen;
            PackagePart stringsPart = firstPart(pkg, XSSFRelation.SHARED_STRINGS.getContentType());
            PackagePart stylesPart = firstPart(pkg, XSSFRelation.STYLES.getContentType());
            // Declared sizes first (cheap), then each part counted as it is unpacked.
            declaredSize(sheetPart, MAX_SHEET_BYTES, SheetRows::sheetTooLarge);
            declaredSize(stringsPart, MAX_SHARED_STRINGS_BYTES, SheetRows::stringsTooLarge);
            declaredSize(stylesPart, MAX_STYLES_BYTES, SheetRows::stylesTooLarge);
            PartScans.dimension(guarded(sheetPart, "sheet", MAX_SHEET_BYTES, SheetRows::sheetTooLarge));
            StylesTable styles = null;
            if (stylesPart != null) {
                PartScans.styles(guarded(stylesPart, "styles", MAX_STYLES_BYTES, SheetRows::stylesTooLarge));
                styles = reader.getStylesTable();
            }
            SharedStringsPart.Summary summary = stringsPart == null ? SharedStringsPart.Summary.NONE
                    : SharedStringsPart.scan(guarded(stringsPart, "shared strings", MAX_SHARED_STRINGS_BYTES, SheetRows::stringsTooLarge));
            TextsOfHeader lazy = null;
            SharedStrings strings;
            if (mode == Mode.ALL) {
                strings = stringsPart == null ? new TextsOfHeader(summary, null)
                        : SharedStringsPart.load(guarded(stringsPart, "shared strings", MAX_SHARED_STRINGS_BYTES,
                        SheetRows::stringsTooLarge), summary);
            } else {
                lazy = new TextsOfHeader(summary, stringsPart == null ? null : () -> guarded(stringsPart, "shared strings",
                        MAX_SHARED_STRINGS_BYTES, SheetRows::stringsTooLarge));
                strings = lazy;
            }
            Collector collector = new Collector(mode, handler, lazy);
            try (InputStream sheet = guarded(sheetPart, "sheet", MAX_SHEET_BYTES, SheetRows::sheetTooLarge)) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new GuardedSheetHandler(styles, strings, collector, lazy));
                parser.parse(new InputSource(sheet));
            }
        } catch (Stop stop) {
            // the handler has what it needs
        } catch (HandlerFailure failure) {
            throw failure.getCause();
        } catch (NotOfficeXmlFileException | InvalidFormatException | org.apache.poi.ooxml.POIXMLException e) {
            ImportRefused refused = refusalIn(e);
            if (refused != null) {
                throw refused;
            }
            throw new ImportRefused("not_xlsx", "The file is not an .xlsx workbook.", e);
        } catch (EncryptedDocumentException e) {
            throw new ImportRefused("encrypted_workbook", "The workbook is encrypted; remove the password and upload it again.", e);
        } catch (IOException e) {
            ImportRefused refused = refusalIn(e);
            if (refused != null) {
                throw refused;
            }
            String message = String.valueOf(e.getMessage());
            if (message.contains("Zip bomb") || message.contains("zip bomb") || message.contains("inflate")) {
                throw new ImportRefused("zip_bomb", "The file looks like a zip bomb (it expands far more than a workbook does).", e);
            }
            throw new ImportRefused("not_xlsx", "The workbook cannot be read: " + message, e);
        } catch (SAXException | OpenXML4JException | ParserConfigurationException e) {
            ImportRefused refused = refusalIn(e);
            if (refused != null) {
                throw refused;
            }
            throw new ImportRefused("not_xlsx", "The workbook cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof ImportRefused refused) {
                throw refused;
            }
            ImportRefused inside = refusalIn(e);
            if (inside != null) {
                throw inside;
            }
            if (String.valueOf(e.getMessage()).toLowerCase().contains("zip bomb")) {
                throw new ImportRefused("zip_bomb", "The file looks like a zip bomb (it expands far more than a workbook does).", e);
            }
            // Whatever else the parser stumbles on (a number that is not one, a style that is not there) is a damaged file.
            throw new ImportRefused("invalid_workbook", "The workbook cannot be read (" + e.getClass().getSimpleName()
                    + "); the file is damaged. Save it again with your spreadsheet program.", e);
        }
    }

    static boolean zipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("zip bomb")) {
                return true;
            }
        }
        return false;
    }

    static ImportRefused zipBombRefused(Throwable e) {
        return new ImportRefused("zip_bomb", "The file looks like a zip bomb (it expands far more than a workbook does).", e);
    }

    private static PackagePart firstPart(OPCPackage pkg, String contentType) {
        List<PackagePart> parts = pkg.getPartsByContentType(contentType);
        return parts.isEmpty() ? null : parts.get(0);
    }

    private static void declaredSize(PackagePart part, long limit, java.util.function.Supplier<ImportRefused> tooLarge) {
        if (part != null && part.getSize() > limit) {
            throw tooLarge.get();
        }
    }

    private static InputStream guarded(PackagePart part, String what, long limit,
                                       java.util.function.Supplier<ImportRefused> tooLarge) {
        try {
            return new GuardedPart(part.getInputStream(), what, limit, tooLarge, what.equals("sheet"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ImportRefused sheetTooLarge() {
        return new ImportRefused("sheet_too_large", "The sheet unpacks to more than " + WorkbookLimits.mib(MAX_SHEET_BYTES)
                + " of XML; an import reads at most that. Split the file.");
    }

    private static ImportRefused stringsTooLarge() {
        return new ImportRefused("too_many_strings", "The workbook's texts (shared strings) unpack to more than "
                + WorkbookLimits.mib(MAX_SHARED_STRINGS_BYTES) + "; an import reads at most that. Split the file.");
    }

    private static ImportRefused stylesTooLarge() {
        return new ImportRefused("too_many_styles", "The workbook's styles unpack to more than "
                + WorkbookLimits.mib(MAX_STYLES_BYTES) + "; an import reads at most that. Clear the formatting or save the "
                + "data into a new workbook.");
    }

    /** An exception of the caller's row handler, carried past the parser's own error handling unchanged. */
    private static final class HandlerFailure extends RuntimeException {
        HandlerFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /**
     * Shared strings for the header checks, without holding them: a cell gets "" for a blank string and a marker for
     * any other (enough to tell empty rows); the header's own texts are then fetched in one pass ({@link #resolve}).
     */
    private static final class TextsOfHeader implements SharedStrings {
        private static final XSSFRichTextString BLANK = new XSSFRichTextString("");
        private static final XSSFRichTextString SOMETHING = new XSSFRichTextString("\uE000");

        private final SharedStringsPart.Summary summary;
        private final java.util.function.Supplier<InputStream> part;
        private int last = -1;

        TextsOfHeader(SharedStringsPart.Summary summary, java.util.function.Supplier<InputStream> part) {
            this.summary = summary;
            this.part = part;
        }

        @Override
        public RichTextString getItemAt(int idx) {
            SharedStringsPart.checkIndex(idx, summary.count());
            last = idx;
            return summary.blank().get(idx) ? BLANK : SOMETHING;
        }

        /** The shared string the cell being read refers to, or -1. */
        int takeLast() {
            int idx = last;
            last = -1;
            return idx;
        }

        Map<Integer, String> resolve(java.util.Set<Integer> indexes) {
            return part == null ? Map.of() : SharedStringsPart.pick(part.get(), indexes);
        }

        @Override
        public int getCount() {
            return summary.count();
        }

        @Override
        public int getUniqueCount() {
            return summary.count();
        }
    }

    /**
     * POI's sheet handler, with the sheet's limits checked as it goes: rows, cell elements in a row, valid cell and row
     * references, characters in one cell. It gives the collector each cell's column.
     */
    private static final class GuardedSheetHandler extends XSSFSheetXMLHandler {
        private static final String NS = XSSFRelation.NS_SPREADSHEETML;

        private final Collector collector;
        private final TextsOfHeader lazy;
        private final FormulaCells formulas = new FormulaCells();
        private long rows;
        private int cellsInRow;
        private int column = -1;
        private int chars;
        private boolean inCell;
        private int textDepth;
        /** Elements whose text POI's handler keeps. */
        private static final java.util.Set<String> TEXT = java.util.Set.of("v", "is", "t", "f", "inlineStr", "oddHeader",
                "evenHeader", "firstHeader", "oddFooter", "evenFooter", "firstFooter");

        GuardedSheetHandler(StylesTable styles, SharedStrings strings, Collector collector, TextsOfHeader lazy) {
            super(styles, null, strings, collector, new PlainFormatter(), false);
            this.collector = collector;
            this.lazy = lazy;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if (uri == null || uri.isEmpty() || uri.equals(NS)) {
                switch (localName) {
                    case "row" -> {
                        if (++rows > WorkbookLimits.SHEET_ROWS) {
                            throw new ImportRefused("too_many_rows", "The sheet has more than " + WorkbookLimits.SHEET_ROWS
                                    + " rows, more than any sheet can have; the file is damaged.");
                        }
                        String r = attributes.getValue("r");
                        if (r != null) {
                            CellReferences.rowNumber(r, r);
                        }
                        cellsInRow = 0;
                        column = -1;
                    }
                    case "c" -> {
                        if (++cellsInRow > WorkbookLimits.MAX_CELLS_PER_ROW) {
                            throw new ImportRefused("too_many_cells", "A row of the sheet has more than "
                                    + WorkbookLimits.MAX_CELLS_PER_ROW + " cells, more than a row can have; the file is damaged.");
                        }
                        String r = attributes.getValue("r");
                        if (r != null) {
                            column = CellReferences.column(r);
                            CellReferences.row(r);
                        } else {
                            column++;
                        }
                        String style = attributes.getValue("s");
                        if (style != null && !style.strip().matches("\\d{1,9}")) {
                            throw new ImportRefused("invalid_workbook", "A cell of the sheet has the style '"
                                    + (style.length() > 20 ? style.substring(0, 20) + "…" : style) + "', which is not a style number; "
                                    + "the file is damaged. Save it again with your spreadsheet program.");
                        }
                        collector.column = column;
                        formulas.startCell(r != null ? r : WorkbookLimits.columnName(column) + (collector.currentRow + 1),
                                attributes.getValue("t"));
                        chars = 0;
                        if (lazy != null) {
                            lazy.takeLast();
                        }
                    }
                    default -> {
                    }
                }
            }
            if (localName.equals("c")) {
                inCell = true;
            } else if (inCell) {
                formulas.startElement(localName);
            }
            if (TEXT.contains(localName) && textDepth++ == 0 && !inCell) {
                chars = 0;
            }
            super.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            // Only text POI keeps counts (a cell's, a header's or footer's): whitespace between elements is passed on.
            if (inCell || textDepth > 0) {
                chars += length;
            }
            if (chars > WorkbookLimits.MAX_CELL_CHARS) {
                throw new ImportRefused("cell_too_long", "A cell of the sheet holds more than " + WorkbookLimits.MAX_CELL_CHARS
                        + " characters; a cell holds at most 32,767.");
            }
            super.characters(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            super.endElement(uri, localName, qName);
            if (TEXT.contains(localName) && textDepth > 0) {
                textDepth--;
            }
            if (localName.equals("c")) {
                formulas.endCell(column < collector.width);
            }
            if (localName.equals("c") || localName.equals("row")) {
                chars = 0;
                inCell = false;
            }
        }
    }

    /**
     * Collects the cells of each row by column, filling gaps with empty text. The header ends at its last non-empty
     * cell; cells of later rows right of it are ignored. A non-empty cell beyond {@link WorkbookLimits#MAX_COLUMNS}
     * columns is refused.
     */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Mode mode;
        private final RowHandler handler;
        private final TextsOfHeader lazy;
        private final List<String> cells = new ArrayList<>();
        private final Map<Integer, Integer> sharedByColumn = new java.util.HashMap<>();
        /** The column of the cell being read, set by the sheet handler. */
        int column;
        private int currentRow;
        private boolean headerSeen;
        private int width = WorkbookLimits.MAX_COLUMNS;

        Collector(Mode mode, RowHandler handler, TextsOfHeader lazy) {
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
                if (mode == Mode.CHECK) {
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
            } catch (Stop | ImportRefused e) {
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
            Map<Integer, String> texts = lazy.resolve(new java.util.HashSet<>(sharedByColumn.values()));
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

    /** Formats numeric cells for import: dates as ISO dates, numbers in plain notation. */
    private static final class PlainFormatter extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate date = DateUtil.getLocalDateTime(value).toLocalDate();
                return date.toString();
            }
            return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
    }
}
