package org.topograd.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses the expression language of graph entries by recursive descent, one method per
 * precedence level:
 *
 * <pre>
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/' | the language's others) unary)*
 * unary   := '-' unary | power
 * power   := atom ('^' unary)?          the exponent must come out as a (signed) number
 * atom    := number | name | function '(' sum (',' sum)* ')' | '(' sum ')'
 * </pre>
 *
 * <p>So {@code ^} binds tightest and is right-associative, and {@code -x ^ 2} is {@code -(x ^ 2)}.
 * A minus directly before a number is part of the number: {@code x * -3} has the constant
 * {@code -3}, not a negation node.
 *
 * <p>One grammar serves both spec languages: a {@link ExpressionSyntax} says what a language builds from what
 * is recognised, which product-level operators it has besides {@code *} and {@code /} (the tensor
 * language's {@code @}, at numpy's precedence), and which functions take how many arguments.
 * {@link #parse(String)} is the scalar language, exactly as it always was.
 *
 * @param <E> the tree the language builds
 */
public final class ExpressionParser<E> {
    /** Deep enough for any hand-written expression; stops a pathological one long before the stack does. */
    static final int MAX_DEPTH = 200;

    private static final Pattern NUMBER =
            Pattern.compile("(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final ExpressionSyntax<E> syntax;
    private final String text;
    private int pos;
    /** Just past the last token consumed: the end of the expression parsed so far, without trailing spaces. */
    private int lastEnd;
    private int depth;

    private ExpressionParser(String text, ExpressionSyntax<E> syntax) {
        this.text = text;
        this.syntax = syntax;
    }

    /** An expression of the scalar spec language. */
    public static Expr parse(String text) throws ExpressionException {
        return parse(text, ScalarSyntax.INSTANCE);
    }

    /** An expression of the language {@code syntax} describes. */
    public static <E> E parse(String text, ExpressionSyntax<E> syntax) throws ExpressionException {
        ExpressionParser<E> parser = new ExpressionParser<>(text, syntax);
        parser.skipSpace();
        if (parser.atEnd()) {
            throw new ExpressionException(0, "the expression is empty: write what this node computes, such as a * b");
        }
        E expr = parser.sum();
        parser.skipSpace();
        if (!parser.atEnd()) {
            char c = parser.peek();
            if (c == ')') {
                throw new ExpressionException(parser.pos,
                        "unbalanced parentheses: this ')' has no matching '('; remove it or add the"
                        + " '(' it closes");
            }
            throw new ExpressionException(parser.pos, "unexpected '" + c + "' after a complete expression: put an"
                    + " operator (" + parser.operators() + ") before it, or remove it if it is not part of the"
                    + " expression language");
        }
        return expr;
    }

    /** The operators, as messages list them: {@code + - * / ^}. */
    private String operators() {
        StringBuilder out = new StringBuilder("+ - * /");
        for (char c : syntax.extraProductOperators().toCharArray()) {
            out.append(' ').append(c);
        }
        return out.append(" ^").toString();
    }

    // Spans of operator nodes run from where their first operand starts to lastEnd, so they include
    // the parentheses of a parenthesised operand: the label of (a + b) * c is "(a + b) * c".

    private E sum() throws ExpressionException {
        enter();
        skipSpace();
        int start = pos;
        E left = product();
        while (true) {
            skipSpace();
            if (accept('+')) {
                left = apply('+', left, product(), start);
            } else if (accept('-')) {
                left = apply('-', left, product(), start);
            } else {
                leave();
                return left;
            }
        }
    }

    private E product() throws ExpressionException {
        skipSpace();
        int start = pos;
        E left = unary();
        while (true) {
            skipSpace();
            if (atEnd()) {
                return left;
            }
            char c = peek();
            if (c == '*' || c == '/' || syntax.extraProductOperators().indexOf(c) >= 0) {
                pos++;
                left = apply(c, left, unary(), start);
            } else {
                return left;
            }
        }
    }

    private E unary() throws ExpressionException {
        skipSpace();
        int start = pos;
        if (accept('-')) {
            enter();
            E operand = unary();
            leave();
            OptionalDouble number = syntax.numberValue(operand);
            if (number.isPresent()) {
                return syntax.number(-number.getAsDouble(), start, lastEnd);
            }
            return syntax.negate(operand, start, lastEnd);
        }
        return power();
    }

    private E power() throws ExpressionException {
        skipSpace();
        int start = pos;
        E base = atom();
        skipSpace();
        int caret = pos;
        if (!accept('^')) {
            return base;
        }
        enter();
        E exponent = unary();
        leave();
        OptionalDouble number = syntax.numberValue(exponent);
        if (number.isEmpty()) {
            throw new ExpressionException(caret, "the exponent of ^ must be a number such as 3 or -0.5, not '"
                    + slice(exponent) + "': ^ is the lecture's PowerNode x ^ n with a fixed n"
                    + " (for a variable exponent write exp(n * log(x)))");
        }
        return syntax.power(base, number.getAsDouble(), start, lastEnd);
    }

    private E atom() throws ExpressionException {
        skipSpace();
        int start = pos;
        if (atEnd()) {
            throw new ExpressionException(pos,
                    "the expression ends where a number, a name or '(' was expected: complete it,"
                    + " as in a * b");
        }
        if (accept('(')) {
            E inner = sum();
            skipSpace();
            if (!accept(')')) {
                throw new ExpressionException(start,
                        "unbalanced parentheses: this '(' is never closed; add the ')' that"
                        + " closes it");
            }
            lastEnd = pos;
            return inner;
        }
        Matcher number = NUMBER.matcher(text).region(pos, text.length());
        if (number.lookingAt()) {
            pos = number.end();
            lastEnd = pos;
            double value = Double.parseDouble(number.group());
            if (Double.isInfinite(value)) {
                throw new ExpressionException(start, "the number " + number.group()
                        + " is too large for a double: write a"
                        + " number below 1.8e308");
            }
            return syntax.number(value, start, pos);
        }
        Matcher name = NAME.matcher(text).region(pos, text.length());
        if (name.lookingAt()) {
            pos = name.end();
            lastEnd = pos;
            String id = name.group();
            skipSpace();
            if (peekIs('(')) {
                return call(id, start);
            }
            return syntax.name(id, start, pos);
        }
        char c = peek();
        if (c == ')') {
            throw new ExpressionException(pos,
                    "unbalanced parentheses: this ')' has no matching '(' or closes an empty pair;"
                    + " remove it, or put an expression between the parentheses");
        }
        throw new ExpressionException(pos, "unexpected '" + c + "' where a number, a name or '(' should be: put an"
                + " operand here, such as a, 2 or (a + b), or remove the '" + c + "'");
    }

    private E call(String function, int start) throws ExpressionException {
        List<String> names = syntax.functionNames();
        if (!names.contains(function)) {
            throw new ExpressionException(start, "unknown function '" + function + "'"
                    + Suggest.nearest(function, names).map(s -> " (did you mean '" + s + "'?)").orElse("")
                    + "; use one of the functions: " + String.join(", ", names));
        }
        int open = pos;
        accept('(');
        List<E> arguments = new ArrayList<>();
        arguments.add(sum());
        skipSpace();
        while (peekIs(',')) {
            if (arguments.size() >= syntax.maxArguments(function)) {
                throw new ExpressionException(pos, syntax.tooManyArguments(function));
            }
            pos++;
            arguments.add(sum());
            skipSpace();
        }
        if (!accept(')')) {
            throw new ExpressionException(open, "unbalanced parentheses: the '(' of " + function
                    + "( is never closed; add"
                    + " the ')' that closes it");
        }
        lastEnd = pos;
        return syntax.call(function, arguments, start, pos);
    }

    static List<String> functionNames() {
        return Op.functions().stream().map(Op::specName).collect(Collectors.toList());
    }

    private E apply(char operator, E left, E right, int start) {
        return syntax.binary(operator, left, right, start, lastEnd);
    }

    private String slice(E e) {
        return text.substring(syntax.start(e), syntax.end(e));
    }

    private void enter() throws ExpressionException {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionException(pos, "the expression is nested more than " + MAX_DEPTH
                    + " levels deep: split it into several graph entries");
        }
    }

    private void leave() {
        depth--;
    }

    private boolean accept(char c) {
        if (peekIs(c)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean peekIs(char c) {
        return !atEnd() && text.charAt(pos) == c;
    }

    private char peek() {
        return text.charAt(pos);
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
