package com.memberdirectory.command.importing;

import com.memberdirectory.kernel.workbook.MemberColumns;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

import static com.memberdirectory.command.importing.WorkbookLimits.MAX_SHARED_STRINGS_BYTES;
import static com.memberdirectory.command.importing.WorkbookLimits.MAX_SHEET_BYTES;
import static com.memberdirectory.command.importing.WorkbookLimits.MAX_STYLES_BYTES;

/**
 * The parts of an .xlsx file an import reads — the member sheet, the shared strings, the styles — each held to its
 * size limit twice: by the size its zip entry declares, before anything is unpacked (cheap), and again while it is
 * unpacked ({@link GuardedPart}), since the declared size can lie. Every open is a fresh stream, guarded anew.
 */
final class WorkbookParts {

    private final PackagePart sheet;
    private final PackagePart sharedStrings;
    private final PackagePart styles;

    private WorkbookParts(PackagePart sheet, PackagePart sharedStrings, PackagePart styles) {
        this.sheet = sheet;
        this.sharedStrings = sharedStrings;
        this.styles = styles;
    }

    /**
     * The sheet named {@link MemberColumns#SHEET} (ignoring case), else the first sheet, and the workbook's shared
     * strings and styles if it has them; refused if a part declares more than its limit.
     */
    static WorkbookParts of(OPCPackage pkg, XSSFReader reader) throws IOException, InvalidFormatException {
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
        WorkbookParts parts = new WorkbookParts(chosen, firstPart(pkg, XSSFRelation.SHARED_STRINGS.getContentType()),
                firstPart(pkg, XSSFRelation.STYLES.getContentType()));
        declaredSize(parts.sheet, MAX_SHEET_BYTES, WorkbookParts::sheetTooLarge);
        declaredSize(parts.sharedStrings, MAX_SHARED_STRINGS_BYTES, WorkbookParts::stringsTooLarge);
        declaredSize(parts.styles, MAX_STYLES_BYTES, WorkbookParts::stylesTooLarge);
        return parts;
    }

    InputStream sheet() {
        return guarded(sheet, "sheet", MAX_SHEET_BYTES, WorkbookParts::sheetTooLarge);
    }

    boolean hasSharedStrings() {
        return sharedStrings != null;
    }

    InputStream sharedStrings() {
        return guarded(sharedStrings, "shared strings", MAX_SHARED_STRINGS_BYTES, WorkbookParts::stringsTooLarge);
    }

    boolean hasStyles() {
        return styles != null;
    }

    InputStream styles() {
        return guarded(styles, "styles", MAX_STYLES_BYTES, WorkbookParts::stylesTooLarge);
    }

    private static PackagePart firstPart(OPCPackage pkg, String contentType) {
        List<PackagePart> parts = pkg.getPartsByContentType(contentType);
        return parts.isEmpty() ? null : parts.get(0);
    }

    private static void declaredSize(PackagePart part, long limit, Supplier<ImportRefused> tooLarge) {
        if (part != null && part.getSize() > limit) {
            throw tooLarge.get();
        }
    }

    private static InputStream guarded(PackagePart part, String what, long limit, Supplier<ImportRefused> tooLarge) {
        try {
            return new GuardedPart(part.getInputStream(), what, limit, tooLarge, what.equals("sheet"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
}
