package com.memberdirectory.command.importing;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.parsers.ParserConfigurationException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.memberdirectory.command.importing.WorkbookLimits.MAX_SHEET_BYTES;

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
                throw oleContainerRefused(file);
            }
            if (magic != FileMagic.OOXML) {
                throw new ImportRefused("not_xlsx", "The file is not an .xlsx workbook.");
            }
        } catch (IOException e) {
            throw new ImportRefused("not_xlsx", "The file cannot be read.", e);
        }
    }

    /**
     * An OLE2 container is either a password-protected .xlsx (its streams {@code EncryptionInfo} and
     * {@code EncryptedPackage}) or a legacy .xls workbook (a {@code Workbook} or {@code Book} stream): the uploader is
     * told which, since the remedy differs.
     */
    private static ImportRefused oleContainerRefused(Path file) {
        boolean legacy = false;
        try (POIFSFileSystem container = new POIFSFileSystem(file.toFile(), true)) {
            legacy = container.getRoot().hasEntry("Workbook") || container.getRoot().hasEntry("Book");
        } catch (IOException | RuntimeException unreadable) {
            // a damaged container: told as encrypted, the case a user meets most
        }
        return legacy
                ? new ImportRefused("legacy_workbook", "The file is a workbook in the old .xls format; save it as an .xlsx "
                        + "workbook and upload it again.")
                : new ImportRefused("encrypted_workbook", "The workbook is encrypted; save it as an unprotected .xlsx "
                        + "workbook and upload it again.");
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
    enum Mode { CHECK, ALL }

    private static void read(Path file, Mode mode, RowHandler handler) {
        checkFormat(file);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            WorkbookParts parts = WorkbookParts.of(pkg, reader);
            PartScans.dimension(parts.sheet());
            StylesTable styles = null;
            if (parts.hasStyles()) {
                PartScans.styles(parts.styles());
                styles = reader.getStylesTable();
            }
            SharedStringsPart.Summary summary = parts.hasSharedStrings() ? SharedStringsPart.scan(parts.sharedStrings())
                    : SharedStringsPart.Summary.NONE;
            TextsOfHeader lazy = null;
            SharedStrings strings;
            if (mode == Mode.ALL) {
                strings = parts.hasSharedStrings() ? SharedStringsPart.load(parts.sharedStrings(), summary)
                        : new TextsOfHeader(summary, null);
            } else {
                lazy = new TextsOfHeader(summary, parts.hasSharedStrings() ? parts::sharedStrings : null);
                strings = lazy;
            }
            RowCollector collector = new RowCollector(mode, handler, lazy);
            try (InputStream sheet = parts.sheet()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new GuardedSheetHandler(styles, strings, collector, lazy));
                parser.parse(new InputSource(sheet));
            }
        } catch (Stop stop) {
            // the handler has what it needs
        } catch (RowCollector.HandlerFailure failure) {
            throw failure.getCause();
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            throw ReadFailures.refusal(e);
        }
    }
}
