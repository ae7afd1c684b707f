package com.memberdirectory.command.member;

import com.memberdirectory.kernel.field.BuiltInFields;
import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Checks a value given for an option field or a custom field against the field's definition and turns it
 * into its canonical stored form: option labels become option ids, numbers lose trailing zeros, dates are
 * ISO. An empty result means "no value". Values stay within {@link ValueLimits}; text is plain ({@link PlainTextRule}).
 */
public final class FieldValueRule {

    static final int MAX_TEXT = ValueLimits.MAX_LONG_TEXT;

    private static final DateRangeRule DATES = new DateRangeRule();

    /** The option id chosen for a built-in single-option field ({@code jobTitle}, {@code workforceType}). */
    public String option(String fieldKey, String label, FieldLookups fields) {
        List<String> ids = value(fieldKey, fieldKey, label, fields, id -> false);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** The canonical value of a custom field; {@code errorField} names it in errors (e.g. {@code custom.level}). */
    public List<String> value(String fieldKey, String errorField, Object raw, FieldLookups fields,
                              Predicate<MemberId> memberExists) {
        FieldType type = fields.typeOf(fieldKey).orElseThrow(() -> new DomainRuleViolation(ErrorCode.UNKNOWN_FIELD,
                errorField, "There is no field '" + fieldKey + "'."));
        if (raw == null || (raw instanceof String text && text.isBlank())
                || (raw instanceof Collection<?> list && list.isEmpty())) {
            return List.of();
        }
        return switch (type) {
            case TEXT -> List.of(text(errorField, raw));
            case NUMBER -> List.of(number(errorField, raw));
            case DATE -> List.of(date(errorField, raw));
            case URL -> List.of(url(errorField, raw));
            case MEMBER -> List.of(member(errorField, raw, memberExists));
            case SINGLE_OPTION -> {
                if (raw instanceof Collection<?>) {
                    throw invalid(errorField, "Choose one option.");
                }
                yield List.of(optionId(fieldKey, errorField, raw.toString(), fields));
            }
            case MULTI_OPTION -> {
                List<String> labels = labels(raw);
                // counted before any lookup, so an oversized list costs nothing
                if (labels.stream().map(label -> label.strip().toLowerCase(Locale.ROOT)).distinct().count()
                        > ValueLimits.MAX_CHOSEN_OPTIONS) {
                    throw invalid(errorField, "Choose at most " + ValueLimits.MAX_CHOSEN_OPTIONS + " options.");
                }
                List<String> ids = new ArrayList<>();
                for (String label : labels) {
                    ids.add(optionId(fieldKey, errorField, label, fields));
                }
                yield List.copyOf(new LinkedHashSet<>(ids));
            }
            case SPECIAL -> throw invalid(errorField, "This field is not set through custom values.");
        };
    }

    private static String optionId(String fieldKey, String errorField, String label, FieldLookups fields) {
        if (!fields.hasOptions(fieldKey)) {
            String name = fieldKey.equals(BuiltInFields.JOB_TITLE) ? "Job title" : "'" + fieldKey + "'";
            throw new DomainRuleViolation(ErrorCode.NO_OPTIONS_DEFINED, errorField,
                    "The field " + name + " has no options yet. An administrator must add options to it in field "
                            + "management (PUT /api/fields/" + fieldKey + "/options) before members can be given a value.");
        }
        return fields.optionIdByLabel(fieldKey, label.strip()).orElseThrow(() -> new DomainRuleViolation(
                ErrorCode.UNKNOWN_OPTION, errorField, "'" + label.strip() + "' is not an option of this field."));
    }

    private static List<String> labels(Object raw) {
        if (raw instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(raw.toString().split(";")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String text(String field, Object raw) {
        String text = raw.toString().strip();
        if (text.length() > MAX_TEXT) {
            throw invalid(field, "A text value has at most " + MAX_TEXT + " characters.");
        }
        return PlainTextRule.check(field, text);
    }

    private static String number(String field, Object raw) {
        String text = raw.toString().strip();
        if (text.length() > ValueLimits.MAX_NUMBER_TEXT) {
            throw invalid(field, "A number is written with at most " + ValueLimits.MAX_NUMBER_TEXT + " characters.");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text).stripTrailingZeros(); // NaN and Infinity are not numbers here
        } catch (NumberFormatException e) {
            throw invalid(field, "'" + text + "' is not a number.");
        }
        if (number.abs().compareTo(ValueLimits.LARGEST_NUMBER) > 0 || number.scale() > ValueLimits.MAX_DECIMAL_PLACES) {
            throw invalid(field, "'" + text + "' is out of range: a number lies between -"
                    + ValueLimits.LARGEST_NUMBER.toPlainString() + " and " + ValueLimits.LARGEST_NUMBER.toPlainString()
                    + " with at most " + ValueLimits.MAX_DECIMAL_PLACES + " decimal places.");
        }
        return number.toPlainString();
    }

    private static String date(String field, Object raw) {
        LocalDate date;
        try {
            date = LocalDate.parse(raw.toString().strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "'" + raw + "' is not a date like 2024-03-01.");
        }
        return DATES.check(field, date).toString();
    }

    private static String url(String field, Object raw) {
        String text = PlainTextRule.check(field, raw.toString().strip());
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && text.length() <= ValueLimits.MAX_URL) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw invalid(field, "'" + text + "' is not an http or https address.");
    }

    private static String member(String field, Object raw, Predicate<MemberId> exists) {
        MemberId id = new MemberId(raw.toString().strip());
        if (!exists.test(id)) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_MEMBER, field, "There is no member '" + id + "'.");
        }
        return id.value();
    }

    private static DomainRuleViolation invalid(String field, String message) {
        return new DomainRuleViolation(ErrorCode.INVALID_VALUE, field, message);
    }
}
