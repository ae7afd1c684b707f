package com.memberdirectory.app.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A SCIM filter (RFC 7644 §3.4.2.2), parsed and evaluated against a resource's JSON: {@code eq ne co sw ew gt ge lt le pr},
 * {@code and or not}, parentheses, value paths such as {@code emails[type eq "work" and value co "@x"]}, and — as some
 * clients write it — a value path followed by a sub-attribute and a comparison, {@code emails[type eq "work"].value eq "a@b"}.
 * Strings compare ignoring case except for case-exact attributes ({@code id}, {@code externalId}); {@code gt}…{@code le}
 * compare strings lexicographically and numbers numerically, and are refused for booleans and null.
 * Plain Java: no Spring.
 */
public final class ScimFilter {

    /** Longer filters are refused (invalidFilter): no client needs them, and they cost. */
    public static final int MAX_LENGTH = 2048;
    /** Deeper nesting (parentheses, not, value paths) is refused, so that no filter can exhaust the stack. */
    public static final int MAX_DEPTH = 32;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OPERATORS = Set.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");

    /** A parsed filter. */
    public sealed interface Node permits Compare, Present, And, Or, Not, ValuePath {
        boolean matches(JsonNode resource);
    }

    /**
     * {@code path op value}; {@code instant}: the value as an instant when the path is a dateTime compared for order or
     * equality (parsed once with the filter, not for every member compared), else null.
     */
    public record Compare(AttributePath path, String operator, JsonNode value, Instant instant) implements Node {
        @Override
        public boolean matches(JsonNode resource) {
            List<JsonNode> values = path.values(resource);
            return switch (operator) {
                case "eq" -> value.isNull() ? values.isEmpty() : values.stream().anyMatch(v -> compare(v) == 0);
                case "ne" -> value.isNull() ? !values.isEmpty() : values.stream().noneMatch(v -> compare(v) == 0);
                case "co" -> values.stream().anyMatch(v -> v.isTextual() && text(v).contains(text(value)));
                case "sw" -> values.stream().anyMatch(v -> v.isTextual() && text(v).startsWith(text(value)));
                case "ew" -> values.stream().anyMatch(v -> v.isTextual() && text(v).endsWith(text(value)));
                case "gt" -> values.stream().anyMatch(v -> ordered(v) && compare(v) > 0);
                case "ge" -> values.stream().anyMatch(v -> ordered(v) && compare(v) >= 0);
                case "lt" -> values.stream().anyMatch(v -> ordered(v) && compare(v) < 0);
                case "le" -> values.stream().anyMatch(v -> ordered(v) && compare(v) <= 0);
                default -> false;
            };
        }

        private boolean ordered(JsonNode v) {
            return v.isTextual() == value.isTextual() && v.isNumber() == value.isNumber();
        }

        /** Negative, zero or positive as the resource's value is below, equal to or above the filter's; MIN_VALUE: incomparable. */
        private int compare(JsonNode v) {
            if (instant != null && v.isTextual()) {
                // as instants: 2026-01-02T03:04:05Z, 2026-01-02T04:04:05+01:00 and 2026-01-02T03:04:05.000Z are one time
                return ScimDateTime.parse(v.textValue()).compareTo(instant);
            }
            if (v.isTextual() && value.isTextual()) {
                return text(v).compareTo(text(value));
            }
            if (v.isNumber() && value.isNumber()) {
                return v.decimalValue().compareTo(value.decimalValue());
            }
            if (v.isBoolean() && value.isBoolean()) {
                return v.booleanValue() == value.booleanValue() ? 0 : Integer.MIN_VALUE;
            }
            // Providers send booleans as strings ("True"); compare them as the boolean they name.
            if (v.isBoolean() && value.isTextual()) {
                return String.valueOf(v.booleanValue()).equalsIgnoreCase(value.textValue()) ? 0 : Integer.MIN_VALUE;
            }
            return Integer.MIN_VALUE;
        }

        private String text(JsonNode v) {
            return path.caseExact() ? v.asText() : v.asText().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code path pr}: the attribute has a value. */
    public record Present(AttributePath path) implements Node {
        @Override
        public boolean matches(JsonNode resource) {
            return path.values(resource).stream().anyMatch(v -> !(v.isTextual() && v.textValue().isEmpty()));
        }
    }

    public record And(Node left, Node right) implements Node {
        @Override
        public boolean matches(JsonNode resource) {
            return left.matches(resource) && right.matches(resource);
        }
    }

    public record Or(Node left, Node right) implements Node {
        @Override
        public boolean matches(JsonNode resource) {
            return left.matches(resource) || right.matches(resource);
        }
    }

    public record Not(Node inner) implements Node {
        @Override
        public boolean matches(JsonNode resource) {
            return !inner.matches(resource);
        }
    }

    /**
     * {@code attr[filter]}: an element of the multi-valued attribute matches the inner filter; with {@code then}, that
     * element's sub-attribute must also satisfy it ({@code emails[type eq "work"].value eq "a@b"}). The elements of a
     * multi-valued simple attribute are read as {@code value} ({@code skills[value eq "Java"]}).
     */
    public record ValuePath(AttributePath path, Node filter, Node then) implements Node {
        @Override
        public boolean matches(JsonNode resource) {
            JsonNode container = path.container(resource);
            JsonNode value = AttributePath.field(container, path.attribute());
            if (value == null || value.isNull()) {
                return false;
            }
            List<JsonNode> elements = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(elements::add);
            } else {
                elements.add(value);
            }
            // a primitive value (a label of a multi-option custom field) is the "value" of the element (RFC 7644 §3.4.2.2)
            return elements.stream().map(element -> element.isObject() ? element : JSON.createObjectNode().set("value", element))
                    .anyMatch(element -> filter.matches(element) && (then == null || then.matches(element)));
        }
    }

    private ScimFilter() {
    }

    /** @throws ScimException invalidFilter for anything this grammar does not read, with what and where */
    public static Node parse(String filter) {
        if (filter == null || filter.isBlank()) {
            throw ScimException.invalidFilter("The filter is empty.");
        }
        if (filter.length() > MAX_LENGTH) {
            throw ScimException.invalidFilter("A filter has at most " + MAX_LENGTH + " characters.");
        }
        Parser parser = new Parser(tokens(filter));
        Node node = parser.or(0);
        if (parser.position < parser.tokens.size()) {
            throw ScimException.invalidFilter("Unexpected '" + parser.tokens.get(parser.position).text + "' in the filter.");
        }
        return node;
    }

    /** For a filter that is exactly {@code userName eq "x"}: {@code x}; null otherwise. */
    public static String userNameEquals(Node node) {
        if (node instanceof Compare compare && compare.operator().equals("eq") && !compare.path().inExtension()
                && compare.path().attribute().equalsIgnoreCase("userName") && compare.path().subAttribute() == null
                && compare.value().isTextual()) {
            return compare.value().textValue();
        }
        return null;
    }

    /**
     * The attribute paths a filter names at the top level (those of comparisons, presence tests and value paths; not
     * the sub-attributes inside a value path's brackets).
     */
    public static List<AttributePath> paths(Node node) {
        List<AttributePath> paths = new ArrayList<>();
        collect(node, paths);
        return paths;
    }

    private static void collect(Node node, List<AttributePath> into) {
        if (node instanceof Compare compare) {
            into.add(compare.path());
        } else if (node instanceof Present present) {
            into.add(present.path());
        } else if (node instanceof ValuePath value) {
            into.add(value.path());
        } else if (node instanceof And and) {
            collect(and.left(), into);
            collect(and.right(), into);
        } else if (node instanceof Or or) {
            collect(or.left(), into);
            collect(or.right(), into);
        } else if (node instanceof Not not) {
            collect(not.inner(), into);
        }
    }

    private enum Kind { WORD, STRING, OPEN, CLOSE, OPEN_BRACKET, CLOSE_BRACKET }

    private record Token(Kind kind, String text) {
    }

    private static List<Token> tokens(String filter) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == '[' || c == ']') {
                tokens.add(new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : c == '[' ? Kind.OPEN_BRACKET
                        : Kind.CLOSE_BRACKET, String.valueOf(c)));
                i++;
            } else if (c == '"') {
                int end = i + 1;
                while (end < filter.length() && filter.charAt(end) != '"') {
                    end += filter.charAt(end) == '\\' ? 2 : 1;
                }
                if (end >= filter.length()) {
                    throw ScimException.invalidFilter("A string in the filter is not closed.");
                }
                tokens.add(new Token(Kind.STRING, filter.substring(i, end + 1)));
                i = end + 1;
            } else {
                int end = i;
                while (end < filter.length() && !Character.isWhitespace(filter.charAt(end))
                        && "()[]\"".indexOf(filter.charAt(end)) < 0) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, filter.substring(i, end)));
                i = end;
            }
        }
        return tokens;
    }

    private static final class Parser {

        private final List<Token> tokens;
        private int position;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Node or(int depth) {
            Node left = and(depth);
            while (keyword("or")) {
                left = new Or(left, and(depth));
            }
            return left;
        }

        Node and(int depth) {
            Node left = unary(depth);
            while (keyword("and")) {
                left = new And(left, unary(depth));
            }
            return left;
        }

        Node unary(int depth) {
            if (depth > MAX_DEPTH) {
                throw ScimException.invalidFilter("The filter is nested more than " + MAX_DEPTH + " levels deep.");
            }
            if (keyword("not")) {
                expect(Kind.OPEN, "'(' after not");
                Node inner = or(depth + 1);
                expect(Kind.CLOSE, "')'");
                return new Not(inner);
            }
            if (peek(Kind.OPEN)) {
                position++;
                Node inner = or(depth + 1);
                expect(Kind.CLOSE, "')'");
                return inner;
            }
            Token word = expect(Kind.WORD, "an attribute");
            AttributePath path = path(word.text());
            if (peek(Kind.OPEN_BRACKET)) {
                position++;
                Node inner = or(depth + 1);
                expect(Kind.CLOSE_BRACKET, "']'");
                Node then = null;
                if (position < tokens.size() && tokens.get(position).kind() == Kind.WORD
                        && tokens.get(position).text().startsWith(".")) {
                    String sub = tokens.get(position++).text().substring(1);
                    then = comparison(path(sub));
                }
                return new ValuePath(path, inner, then);
            }
            return comparison(path);
        }

        private Node comparison(AttributePath path) {
            Token operator = expect(Kind.WORD, "an operator after '" + path + "'");
            String op = operator.text().toLowerCase(Locale.ROOT);
            if (op.equals("pr")) {
                return new Present(path);
            }
            if (!OPERATORS.contains(op)) {
                throw ScimException.invalidFilter("'" + operator.text() + "' is not a filter operator.");
            }
            JsonNode value = value();
            if (Set.of("co", "sw", "ew").contains(op) && !value.isTextual()) {
                throw ScimException.invalidFilter("'" + op + "' compares with a string.");
            }
            if (Set.of("gt", "ge", "lt", "le").contains(op) && !(value.isTextual() || value.isNumber())) {
                throw ScimException.invalidFilter("'" + op + "' compares with a string or a number.");
            }
            Instant instant = null;
            if (path.dateTime() && !Set.of("co", "sw", "ew").contains(op) && !value.isNull()) {
                if (!value.isTextual()) {
                    throw ScimException.invalidFilter("'" + path + "' is compared with a dateTime such as \"2026-01-02T03:04:05Z\".");
                }
                instant = ScimDateTime.parse(value.textValue());
            }
            return new Compare(path, op, value, instant);
        }

        private JsonNode value() {
            if (position >= tokens.size()) {
                throw ScimException.invalidFilter("The filter ends before a comparison value.");
            }
            Token token = tokens.get(position++);
            if (token.kind() == Kind.STRING) {
                try {
                    return JSON.readTree(token.text());
                } catch (JsonProcessingException e) {
                    throw ScimException.invalidFilter("The string " + token.text() + " is not valid.");
                }
            }
            if (token.kind() == Kind.WORD) {
                String word = token.text().toLowerCase(Locale.ROOT);
                if (word.equals("true") || word.equals("false")) {
                    return BooleanNode.valueOf(word.equals("true"));
                }
                if (word.equals("null")) {
                    return NullNode.getInstance();
                }
                if (token.text().matches("-?[0-9]{1,30}(\\.[0-9]{1,30})?([eE][+-]?[0-9]{1,3})?")) {
                    try {
                        return JSON.readTree(token.text());
                    } catch (JsonProcessingException e) {
                        // falls through to the error below
                    }
                }
            }
            throw ScimException.invalidFilter("'" + token.text() + "' is not a comparison value (a quoted string, a "
                    + "number, true, false or null).");
        }

        private AttributePath path(String text) {
            try {
                return AttributePath.parse(text);
            } catch (ScimException e) {
                throw ScimException.invalidFilter(e.getMessage());
            }
        }

        private boolean keyword(String word) {
            if (position < tokens.size() && tokens.get(position).kind() == Kind.WORD
                    && tokens.get(position).text().equalsIgnoreCase(word)) {
                position++;
                return true;
            }
            return false;
        }

        private boolean peek(Kind kind) {
            return position < tokens.size() && tokens.get(position).kind() == kind;
        }

        private Token expect(Kind kind, String what) {
            if (position >= tokens.size()) {
                throw ScimException.invalidFilter("The filter ends where " + what + " is expected.");
            }
            Token token = tokens.get(position);
            if (token.kind() != kind) {
                throw ScimException.invalidFilter("Expected " + what + " but found '" + token.text() + "'.");
            }
            position++;
            return token;
        }
    }
}
