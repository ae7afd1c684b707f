package com.memberdirectory.command.importing;

import com.memberdirectory.kernel.workbook.MemberColumns;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
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

    /** The header row (row 1 of the sheet), as written. */
    public static List<String> header(Path file) {
        List<List<String>> header = new ArrayList<>();
        read(file, true, (row, cells) -> {
            header.add(cells);
            throw new Stop();
        });
        if (header.isEmpty()) {
            throw new ImportRefused("no_header", "The sheet is empty: there is no header row.");
        }
        return header.get(0);
    }

    /** Whether any row after the header holds something (reads no further than the first such row). */
    public static boolean hasRows(Path file) {
        boolean[] found = {false};
        read(file, false, (row, cells) -> {
            found[0] = true;
            throw new Stop();
        });
        return found[0];
    }

    /** Every row after the header. */
    public static void rows(Path file, RowHandler handler) {
        read(file, false, handler);
    }

    private static void read(Path file, boolean headerOnly, RowHandler handler) {
        checkFormat(file);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            InputStream chosen = null;
            while (sheets.hasNext()) {
                InputStream sheet = sheets.next();
                if (chosen == null || MemberColumns.SHEET.equalsIgnoreCase(sheets.getSheetName())) {
                    if (chosen != null) {
                        chosen.close();
                    }
                    chosen = sheet;
                    if (MemberColumns.SHEET.equalsIgnoreCase(sheets.getSheetName())) {
                        break;
                    }
                } else {
                    sheet.close();
                }
            }
            if (chosen == null) {
                throw new ImportRefused("no_header", "The workbook has no sheet.");
            }
            try (InputStream sheet = chosen) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings,
                        new Collector(headerOnly, handler), new PlainFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (Stop stop) {
            // the handler has what it needs
        } catch (NotOfficeXmlFileException | InvalidFormatException | org.apache.poi.ooxml.POIXMLException e) {
            throw new ImportRefused("not_xlsx", "The file is not an .xlsx workbook.", e);
        } catch (EncryptedDocumentException e) {
            throw new ImportRefused("encrypted_workbook", "The workbook is encrypted; remove the password and upload it again.", e);
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Zip bomb") || message.contains("zip bomb") || message.contains("inflate")) {
                throw new ImportRefused("zip_bomb", "The file looks like a zip bomb (it expands far more than a workbook does).", e);
            }
            throw new ImportRefused("not_xlsx", "The workbook cannot be read: " + message, e);
        } catch (SAXException | OpenXML4JException | ParserConfigurationException e) {
            throw new ImportRefused("not_xlsx", "The workbook cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof ImportRefused refused) {
                throw refused;
            }
            if (String.valueOf(e.getMessage()).toLowerCase().contains("zip bomb")) {
                throw new ImportRefused("zip_bomb", "The file looks like a zip bomb (it expands far more than a workbook does).", e);
            }
            throw e;
        }
    }

    /** Collects the cells of each row by column, filling gaps with empty text. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final boolean headerOnly;
        private final RowHandler handler;
        private final List<String> cells = new ArrayList<>();
        private int currentRow;
        private boolean headerSeen;

        Collector(boolean headerOnly, RowHandler handler) {
            this.headerOnly = headerOnly;
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            currentRow = rowNum;
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            boolean empty = cells.stream().allMatch(String::isEmpty);
            if (!headerSeen) {
                if (empty) {
                    return;
                }
                headerSeen = true;
                if (headerOnly) {
                    handler.row(currentRow + 1, List.copyOf(cells));
                }
                return;
            }
            if (!empty) {
                handler.row(currentRow + 1, List.copyOf(cells));
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new org.apache.poi.ss.util.CellReference(reference).getCol();
            String text = value == null ? "" : value.strip();
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
