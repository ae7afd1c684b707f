package com.memberdirectory.command.importing;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.MemberField;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.workbook.MemberColumns;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The undo's report (docs/undo.md), written as the undo goes. Each member's row is put in a temporary file the moment
 * the undo is done with the member (in the import's row order), with every value it could show; the workbook is
 * written from that file at the end, once its columns — each field the undo sets back for some member — are known.
 * What stays in memory is the list of those columns, so the undo's memory does not grow with the number of members
 * (the file takes about 0.3–0.5 KB a member on disk, and is deleted when the report is stored).
 */
final class UndoReport implements AutoCloseable {

    private static final String CUSTOM = "custom.";

    private final UndoValues values;
    private final Path spool;
    private final DataOutputStream out;
    /** Fields of the rows' cells by number, so that the file holds each field's name once. */
    private final Map<String, Integer> fieldNumbers = new HashMap<>();
    private final List<String> fieldNames = new ArrayList<>();
    /** The fields the undo sets back for some member, in the order rows first name them. */
    private final Set<String> restored = new LinkedHashSet<>();
    private long rows;

    /**
     * One member's row: its values by field (the value set back, or for a field not set back the member's value now),
     * the version it shows and the outcome's text. Values are turned into cells only at the end, and only for the
     * report's columns: a manager's user ID or an option's label is looked up for what is shown, not for every member.
     */
    record Line(String memberId, Map<String, Object> values, Set<String> restored, String version, String text) {

        /** A row without values: the member was not decided (an internal error), or not reached. */
        static Line bare(String memberId, String text) {
            return new Line(memberId, Map.of(), Set.of(), "", text);
        }

        /**
         * A decided member's row. A conflict's row holds the values the undo would have set back: importing it (once
         * it has been looked at) does that undo by hand, and is refused if the member changed after the report.
         */
        static Line of(String memberId, UndoPlan plan, long version, String text) {
            Map<String, Object> values = new HashMap<>(plan.current());
            values.putAll(plan.restore());
            values.values().removeIf(value -> value == null || value instanceof List<?> list && list.isEmpty());
            return new Line(memberId, values, plan.restore().keySet(), String.valueOf(version), text);
        }
    }

    UndoReport(UndoValues values) throws IOException {
        this.values = values;
        this.spool = Files.createTempFile("undo-report-", ".rows");
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16));
    }

    /** Adds the next row (rows come in the import's row order). */
    synchronized void add(Line line) {
        try {
            restored.addAll(line.restored());
            text(line.memberId());
            text(line.version());
            text(line.text());
            out.writeInt(line.values().size());
            for (Map.Entry<String, Object> value : line.values().entrySet()) {
                out.writeInt(fieldNumbers.computeIfAbsent(value.getKey(), key -> {
                    fieldNames.add(key);
                    return fieldNames.size() - 1;
                }));
                value(value.getValue());
            }
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("The undo's report could not be written", e);
        }
    }

    synchronized long size() {
        return rows;
    }

    /**
     * The workbook: {@code Member ID}, {@code User ID}, {@code Name}, each field the undo sets back for some member
     * (for the other members their value now: importing the report back changes nothing of them), {@code Version}
     * and {@code Undo}.
     */
    synchronized void writeTo(OutputStream target) throws IOException {
        out.flush();
        List<String> fields = columns();
        List<String> header = new ArrayList<>();
        header.add(MemberColumns.MEMBER_ID);
        fields.forEach(key -> header.add(values.column(key)));
        header.add(MemberColumns.VERSION);
        try (RowReport report = new RowReport(header, MemberColumns.UNDO);
             DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spool), 1 << 16))) {
            for (long row = 0; row < rows; row++) {
                String memberId = text(in);
                String version = text(in);
                String text = text(in);
                Map<String, Object> cells = new HashMap<>();
                for (int count = in.readInt(); count > 0; count--) {
                    cells.put(fieldNames.get(in.readInt()), value(in));
                }
                List<String> line = new ArrayList<>(fields.size() + 2);
                line.add(memberId);
                fields.forEach(key -> line.add(values.cell(key, cells.get(key))));
                line.add(version);
                report.add(line, text);
            }
            report.writeTo(target);
        }
    }

    /** The member's user ID and name, then the fields set back in the schema's order, then custom fields. */
    private List<String> columns() {
        List<String> fields = new ArrayList<>(List.of(MemberFields.USER_ID.name(), MemberFields.NAME.name()));
        MemberFields.ALL.stream().map(MemberField::name).filter(restored::contains).filter(k -> !fields.contains(k))
                .forEach(fields::add);
        restored.stream().filter(k -> k.startsWith(CUSTOM) && values.column(k) != null).forEach(fields::add);
        return fields;
    }

    /**
     * A value as the member's events carry it, in the few kinds {@link UndoValues#cell} tells apart: a list, yes/no, a
     * gender, a department, a member, and any other value by its text.
     */
    private void value(Object value) throws IOException {
        if (value instanceof List<?> list) {
            out.writeByte('L');
            out.writeInt(list.size());
            for (Object element : list) {
                value(element);
            }
        } else if (value == null) {
            out.writeByte('N');
        } else if (value instanceof Boolean yes) {
            out.writeByte(yes ? 'Y' : 'F');
        } else if (value instanceof Gender gender) {
            out.writeByte('G');
            text(gender.name());
        } else if (value instanceof DepartmentId department) {
            out.writeByte('D');
            text(department.value());
        } else if (value instanceof MemberId member) {
            out.writeByte('M');
            text(member.value());
        } else {
            out.writeByte('S');
            text(value.toString());
        }
    }

    private static Object value(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case 'L' -> {
                int size = in.readInt();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(value(in));
                }
                yield list;
            }
            case 'N' -> null;
            case 'Y' -> Boolean.TRUE;
            case 'F' -> Boolean.FALSE;
            case 'G' -> Gender.valueOf(text(in));
            case 'D' -> new DepartmentId(text(in));
            case 'M' -> new MemberId(text(in));
            case 'S' -> text(in);
            default -> throw new IOException("Unknown value kind " + kind + " in the undo's report");
        };
    }

    private void text(String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            // a temporary file only
        }
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            spool.toFile().deleteOnExit();
        }
    }
}
