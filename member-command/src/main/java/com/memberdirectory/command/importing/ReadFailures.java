package com.memberdirectory.command.importing;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.xml.sax.SAXException;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.util.Locale;

/**
 * The refusal the uploader sees when POI or an XML parser fails on a workbook. A limit passed while a part was read
 * travels as an exception through parsers that wrap what they pass on; it is dug out so that the uploader learns which
 * limit, not that the file "cannot be read".
 */
final class ReadFailures {

    private ReadFailures() {
    }

    /**
     * The refusal for anything reading the workbook threw. The checks keep the order in which the reader once caught
     * these exceptions, so that a subclass is told what its first matching family is told.
     */
    static ImportRefused refusal(Exception e) {
        if (e instanceof NotOfficeXmlFileException || e instanceof InvalidFormatException || e instanceof POIXMLException) {
            ImportRefused refused = refusalIn(e);
            return refused != null ? refused : new ImportRefused("not_xlsx", "The file is not an .xlsx workbook.", e);
        }
        if (e instanceof EncryptedDocumentException) {
            return new ImportRefused("encrypted_workbook", "The workbook is encrypted; remove the password and upload it again.", e);
        }
        if (e instanceof IOException) {
            ImportRefused refused = refusalIn(e);
            if (refused != null) {
                return refused;
            }
            String message = String.valueOf(e.getMessage());
            if (message.contains("Zip bomb") || message.contains("zip bomb") || message.contains("inflate")) {
                return zipBombRefused(e);
            }
            return new ImportRefused("not_xlsx", "The workbook cannot be read: " + message, e);
        }
        if (e instanceof SAXException || e instanceof OpenXML4JException || e instanceof ParserConfigurationException) {
            ImportRefused refused = refusalIn(e);
            return refused != null ? refused : new ImportRefused("not_xlsx", "The workbook cannot be read: " + e.getMessage(), e);
        }
        if (e instanceof ImportRefused refused) {
            return refused;
        }
        ImportRefused inside = refusalIn(e);
        if (inside != null) {
            return inside;
        }
        if (String.valueOf(e.getMessage()).toLowerCase().contains("zip bomb")) {
            return zipBombRefused(e);
        }
        // Whatever else the parser stumbles on (a number that is not one, a style that is not there) is a damaged file.
        return new ImportRefused("invalid_workbook", "The workbook cannot be read (" + e.getClass().getSimpleName()
                + "); the file is damaged. Save it again with your spreadsheet program.", e);
    }

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
            } else if (t instanceof XMLStreamException xml && xml.getNestedException() != null) {
                next = xml.getNestedException();
            }
            t = next == t ? null : next;
        }
        return null;
    }

    static boolean zipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb")) {
                return true;
            }
        }
        return false;
    }

    static ImportRefused zipBombRefused(Throwable e) {
        return new ImportRefused("zip_bomb", "The file looks like a zip bomb (it expands far more than a workbook does).", e);
    }
}
