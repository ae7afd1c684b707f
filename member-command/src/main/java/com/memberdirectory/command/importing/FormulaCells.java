package com.memberdirectory.command.importing;

/**
 * Formula cells of the member sheet, followed cell by cell as the sheet streams past. An import takes what the
 * spreadsheet shows — a formula's result as the program that saved the file computed it — and never evaluates a
 * formula. A formula saved without its result (as some libraries and scripts write them) or a cell showing an error
 * ({@code #REF!}, {@code #DIV/0!}…) has no value to take: the file is refused, naming the cell, rather than the
 * member's field cleared or set to the error's text.
 */
final class FormulaCells {

    private String reference;
    private boolean formula;
    private boolean result;
    private boolean error;

    /** A {@code <c>} element begins: {@code type} is its {@code t} attribute. */
    void startCell(String reference, String type) {
        this.reference = reference;
        formula = false;
        result = false;
        error = "e".equals(type);
    }

    /** An element inside the cell begins. */
    void startElement(String localName) {
        if (localName.equals("f")) {
            formula = true;
        } else if (localName.equals("v")) {
            result = true;
        }
    }

    /** The cell ends; {@code imported} whether its column is one the import reads. */
    void endCell(boolean imported) {
        if (!imported) {
            return;
        }
        if (formula && !result) {
            throw new ImportRefused("formula_without_value", "Cell " + reference + " holds a formula saved without its "
                    + "result. Open the file in a spreadsheet program and save it again (that stores the results), or type "
                    + "the value itself.");
        }
        if (error && result) {
            throw new ImportRefused("cell_error", "Cell " + reference + " shows an error (such as #REF! or #DIV/0!) "
                    + "instead of a value. Correct it, or clear the cell, and upload the file again.");
        }
    }
}
