package com.memberdirectory.command.importing;

import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberField;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.memberdirectory.kernel.workbook.MemberColumns.*;

/**
 * Turns one spreadsheet row into the change a console user would make: only the columns present are
 * touched, an empty cell clears an optional field, names (department paths, user IDs) become ids. Rules are
 * not checked here — the Member aggregate checks them, exactly as for the console.
 */
public final class RowTranslator {

    /**
     * A row read as a member change, or the reasons it cannot be.
     *
     * @param loginPassword the row's {@code Login password}, or null when it gives none
     */
    public record Translated(MemberId memberId, Long version, MemberChanges changes, LoginEmailType loginEmailType,
                             String loginPassword, List<String> errors) {

        public boolean ok() {
            return errors.isEmpty();
        }

        /** Never prints the password. */
        @Override
        public String toString() {
            return "Translated[memberId=" + memberId + ", version=" + version + ", changes=" + changes
                    + ", loginEmailType=" + loginEmailType + ", loginPassword=" + (loginPassword == null ? "none" : "***")
                    + ", errors=" + errors + "]";
        }
    }

    private final Map<String, Integer> columns = new HashMap<>();
    private final Map<String, CustomColumn> customByHeader = new LinkedHashMap<>();
    private final UniqueValues lookups;
    private final UserIdsInFile userIdsInFile;

    /**
     * @param header        the header row as uploaded
     * @param custom        the custom fields (matched to columns by label)
     * @param userIdsInFile user IDs → member ids as the file sets them, so a row can name a manager whose user ID
     *                      the same file changes
     */
    public RowTranslator(List<String> header, List<CustomColumn> custom, UniqueValues lookups,
                         UserIdsInFile userIdsInFile) {
        for (int i = 0; i < header.size(); i++) {
            String name = normalize(header.get(i));
            if (!name.isEmpty()) {
                columns.putIfAbsent(name, i);
            }
        }
        for (CustomColumn column : custom) {
            if (columns.containsKey(normalize(column.label())) && !BUILT_IN.stream().anyMatch(
                    b -> normalize(b).equals(normalize(column.label())))) {
                customByHeader.put(normalize(column.label()), column);
            }
        }
        this.lookups = lookups;
        this.userIdsInFile = userIdsInFile;
    }

    /** The header identifies members (by member ID, else user ID) and names at least one known column. */
    public void checkHeader() {
        if (!has(MEMBER_ID) && !has(USER_ID)) {
            throw new ImportRefused("no_header", "No recognisable header: row 1 must name the columns, with '" + MEMBER_ID
                    + "' or '" + USER_ID + "' to identify the members (see the exported workbook).");
        }
    }

    public boolean has(String column) {
        return columns.containsKey(normalize(column));
    }

    /** The user ID column's value of a row (for the pre-pass), or null. */
    public String cell(List<String> cells, String column) {
        Integer index = columns.get(normalize(column));
        return index == null || index >= cells.size() ? null : cells.get(index);
    }

    public Translated translate(List<String> cells) {
        List<String> errors = new ArrayList<>();
        MemberId member = identify(cells, errors);
        MemberChanges.Builder changes = MemberChanges.builder();
        for (MemberField<String, ?> field : MemberFields.TEXT) {
            // Without a member ID column the user ID only identifies the row's member.
            if (field != MemberFields.USER_ID || has(MEMBER_ID)) {
                text(cells, field.column()).ifPresent(value -> changes.set(field, value));
            }
        }
        text(cells, HIDE_PHONE).ifPresent(v -> {
            String value = v == null ? "" : v.toLowerCase(Locale.ROOT);
            switch (value) {
                case "", "no", "false", "0" -> changes.set(MemberFields.HIDE_PHONE, false);
                case "yes", "true", "1" -> changes.set(MemberFields.HIDE_PHONE, true);
                default -> errors.add(HIDE_PHONE + ": write Yes or No.");
            }
        });
        text(cells, GENDER).ifPresent(v -> {
            String value = v == null ? "" : v.toLowerCase(Locale.ROOT);
            switch (value) {
                case "" -> changes.set(MemberFields.GENDER, Gender.UNSPECIFIED);
                case "male" -> changes.set(MemberFields.GENDER, Gender.MALE);
                case "female" -> changes.set(MemberFields.GENDER, Gender.FEMALE);
                case "other" -> changes.set(MemberFields.GENDER, Gender.OTHER);
                default -> errors.add(GENDER + ": write Male, Female, Other or leave it empty.");
            }
        });
        text(cells, DEPARTMENT).ifPresent(v -> changes.set(MemberFields.DEPARTMENTS, departments(v, errors)));
        text(cells, EMPLOYMENT_DATE).ifPresent(v -> {
            if (v == null) {
                changes.set(MemberFields.EMPLOYMENT_DATE, null);
            } else {
                try {
                    changes.set(MemberFields.EMPLOYMENT_DATE, LocalDate.parse(v));
                } catch (DateTimeParseException e) {
                    errors.add(EMPLOYMENT_DATE + ": '" + v + "' is not a date (use a date cell or yyyy-MM-dd).");
                }
            }
        });
        text(cells, DIRECT_MANAGER).ifPresent(v ->
                changes.set(MemberFields.MANAGER, v == null ? null : member(v, DIRECT_MANAGER, errors)));
        text(cells, DOTTED_LINE_MANAGERS).ifPresent(v -> changes.set(MemberFields.DOTTED_LINE_MANAGERS, v == null ? List.of()
                : split(v).stream().map(userId -> member(userId, DOTTED_LINE_MANAGERS, errors)).toList()));
        text(cells, JOB_TITLE).ifPresent(value -> changes.set(MemberFields.JOB_TITLE, value));
        text(cells, WORKFORCE_TYPE).ifPresent(value -> changes.set(MemberFields.WORKFORCE_TYPE, value));
        LoginEmailType[] login = {null};
        text(cells, LOGIN_EMAIL_TYPE).ifPresent(v -> {
            if (v != null) {
                switch (v.toLowerCase(Locale.ROOT)) {
                    case "work email", "work_email" -> login[0] = LoginEmailType.WORK_EMAIL;
                    case "business email", "business_email" -> login[0] = LoginEmailType.BUSINESS_EMAIL;
                    default -> errors.add(LOGIN_EMAIL_TYPE + ": write Work email or Business email.");
                }
            }
        });
        // An empty cell gives no password (one is generated if needed), unlike other columns where it clears.
        String[] password = {null};
        text(cells, LOGIN_PASSWORD).ifPresent(v -> password[0] = v);
        Map<String, Object> custom = new LinkedHashMap<>();
        customByHeader.forEach((header, column) -> {
            String value = cell(cells, header);
            if (column.type() == FieldType.MEMBER && value != null && !value.isBlank()) {
                MemberId id = member(value, column.label(), errors);
                custom.put(column.key(), id == null ? null : id.value());
            } else {
                custom.put(column.key(), value == null || value.isBlank() ? null : value);
            }
        });
        if (!custom.isEmpty()) {
            changes.custom(custom);
        }
        Long version = null;
        String versionCell = cell(cells, VERSION);
        if (versionCell != null && !versionCell.isBlank()) {
            try {
                version = Long.parseLong(versionCell.strip());
            } catch (NumberFormatException e) {
                errors.add(VERSION + ": '" + versionCell + "' is not a version number; keep the exported value.");
            }
        }
        return new Translated(member, version, changes.build(), login[0], password[0], errors);
    }

    private MemberId identify(List<String> cells, List<String> errors) {
        if (has(MEMBER_ID)) {
            String id = cell(cells, MEMBER_ID);
            if (id == null || id.isBlank()) {
                errors.add(MEMBER_ID + ": missing; rows are matched to members by their member ID.");
                return null;
            }
            // An offboarded member's row goes on to the member, which refuses it as offboarded (docs/lifecycle.md).
            if (lookups.ownerOf(UniqueKind.MEMBER, id).isEmpty() && lookups.ownerOf(UniqueKind.OFFBOARDED_MEMBER, id).isEmpty()) {
                errors.add(MEMBER_ID + ": there is no member '" + id + "'.");
                return null;
            }
            return new MemberId(id);
        }
        String userId = cell(cells, USER_ID);
        if (userId == null || userId.isBlank()) {
            errors.add(USER_ID + ": missing; without a Member ID column rows are matched by user ID.");
            return null;
        }
        return memberWithUserId(userId).orElseGet(() -> {
            errors.add(USER_ID + ": there is no member with user ID '" + userId + "'.");
            return null;
        });
    }

    private List<DepartmentId> departments(String cell, List<String> errors) {
        if (cell == null) {
            return List.of();
        }
        List<DepartmentId> ids = new ArrayList<>();
        for (String path : split(cell)) {
            String normalized = String.join("/", List.of(path.split("/")).stream().map(String::strip).toList());
            lookups.ownerOf(UniqueKind.DEPARTMENT_PATH, normalized.toLowerCase(Locale.ROOT)).ifPresentOrElse(
                    id -> ids.add(new DepartmentId(id)),
                    () -> errors.add(DEPARTMENT + ": there is no department '" + path + "'."));
        }
        return ids;
    }

    private MemberId member(String userId, String column, List<String> errors) {
        String inFile = userIdsInFile.memberIdOf(userId);
        if (inFile != null) {
            return new MemberId(inFile);
        }
        return memberWithUserId(userId).orElseGet(() -> {
            errors.add(column + ": there is no member with user ID '" + userId.strip() + "'.");
            return null;
        });
    }

    /** The member the directory knows by this user ID (not one this file gives it to). */
    private java.util.Optional<MemberId> memberWithUserId(String userId) {
        return lookups.ownerOf(UniqueKind.USER_ID, UserIdsInFile.normalized(userId)).map(MemberId::new);
    }

    /** Present column → Optional of its value (null for an empty cell); absent column → empty. */
    private java.util.Optional<Cell> textCell(List<String> cells, String column) {
        if (!has(column)) {
            return java.util.Optional.empty();
        }
        String value = cell(cells, column);
        return java.util.Optional.of(new Cell(value == null || value.isBlank() ? null : value));
    }

    private Present text(List<String> cells, String column) {
        return new Present(textCell(cells, column).orElse(null));
    }

    private static List<String> split(String cell) {
        return List.of(cell.split(LIST_SEPARATOR)).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private record Cell(String value) {
    }

    /** A column's cell if the column is present: lets "absent" differ from "empty". */
    private record Present(Cell cell) {
        void ifPresent(java.util.function.Consumer<String> action) {
            if (cell != null) {
                action.accept(cell.value());
            }
        }
    }
}
