package org.topograd.spec;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses the expression language of graph entries by recursive descent, one method per
 * precedence level:
 *
 * <pre>
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/') unary)*
 * unary   := '-' unary | power
 * power   := atom ('^' unary)?          the exponent must come out as a (signed) number
 * atom    := number | name | function '(' sum ')' | '(' sum ')'
 * </pre>
 *
 * <p>So {@code ^} binds tightest and is right-associative, and {@code -x ^ 2} is {@code -(x ^ 2)}.
 * A minus directly before a number is part of the number: {@code x * -3} has the constant
 * {@code -3}, not a negation node.
 */
public final class ExpressionParser {
    /** Deep enough for any hand-written expression; stops a pathological one long before the stack does. */
    static final int MAX_DEPTH = 200;

    private static final Pattern NUMBER =
            Pattern.compile("(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String text;
    private int pos;
    /** Just past the last token consumed: the end of the expression parsed so far, without trailing spaces. */
    private int lastEnd;
    private int depth;

    private ExpressionParser(String text) {
        this.text = text;
    }

    public static Expr parse(String text) throws ExpressionException {
        ExpressionParser parser = new ExpressionParser(text);
        parser.skipSpace();
        if (parser.atEnd()) {
            throw new ExpressionException(0, "the expression is empty: write what this node computes, such as a * b");
        }
        Expr expr = parser.sum();
        parser.skipSpace();
        if (!parser.atEnd()) {
            char c = parser.peek();
            if (c == ')') {
                throw new ExpressionException(parser.pos,
                        "unbalanced parentheses: this ')' has no matching '('; remove it or add the"
                        + " '(' it closes");
            }
            throw new ExpressionException(parser.pos, "unexpected '" + c + "' after a complete expression: put an"
                    + " operator (+ - * / ^) before it, or remove it if it is not part of the expression language");
        }
        return expr;
    }

    // Spans of operator nodes run from where their first operand starts to lastEnd, so they include
    // the parentheses of a parenthesised operand: the label of (a + b) * c is "(a + b) * c".

    private Expr sum() throws ExpressionException {
        enter();
        skipSpace();
        int start = pos;
        Expr left = product();
        while (true) {
            skipSpace();
            if (accept('+')) {
                left = apply(Op.ADD, left, product(), start);
            } else if (accept('-')) {
                left = apply(Op.SUB, left, product(), start);
            } else {
                leave();
                return left;
            }
        }
    }

    private Expr product() throws ExpressionException {
        skipSpace();
        int start = pos;
        Expr left = unary();
        while (true) {
            skipSpace();
            if (accept('*')) {
                left = apply(Op.MUL, left, unary(), start);
            } else if (accept('/')) {
                left = apply(Op.DIV, left, unary(), start);
            } else {
                return left;
            }
        }
    }

    private Expr unary() throws ExpressionException {
        skipSpace();
        int start = pos;
        if (accept('-')) {
            enter();
            Expr operand = unary();
            leave();
            if (operand instanceof Expr.Num num) {
                return new Expr.Num(-num.value(), start, lastEnd);
            }
            return new Expr.Apply(Op.NEG, List.of(operand), 0, start, lastEnd);
        }
        return power();
    }

    private Expr power() throws ExpressionException {
        skipSpace();
        int start = pos;
        Expr base = atom();
        skipSpace();
        int caret = pos;
        if (!accept('^')) {
            return base;
        }
        enter();
        Expr exponent = unary();
        leave();
        if (!(exponent instanceof Expr.Num num)) {
            throw new ExpressionException(caret, "the exponent of ^ must be a number such as 3 or -0.5, not '"
                    + slice(exponent) + "': ^ is the lecture's PowerNode x ^ n with a fixed n"
                    + " (for a variable exponent write exp(n * log(x)))");
        }
        return new Expr.Apply(Op.POW, List.of(base), num.value(), start, lastEnd);
    }

    private Expr atom() throws ExpressionException {
        skipSpace();
        int start = pos;
        if (atEnd()) {
            throw new ExpressionException(pos,
                    "the expression ends where a number, a name or '(' was expected: complete it,"
                    + " as in a * b");
        }
        if (accept('(')) {
            Expr inner = sum();
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
            return new Expr.Num(value, start, pos);
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
            return new Expr.Ref(id, start, pos);
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

    private Expr call(String function, int start) throws ExpressionException {
        Op op = Op.function(function).orElseThrow(() -> new ExpressionException(start,
                "unknown function '" + function + "'" + Suggest.nearest(function, functionNames())
                        .map(s -> " (did you mean '" + s + "'?)").orElse("")
                        + "; use one of the functions: " + String.join(", ", functionNames())));
        int open = pos;
        accept('(');
        Expr argument = sum();
        skipSpace();
        if (peekIs(',')) {
            throw new ExpressionException(pos, function + " takes one argument: remove the others, or compute them"
                    + " in graph entries of their own");
        }
        if (!accept(')')) {
            throw new ExpressionException(open, "unbalanced parentheses: the '(' of " + function
                    + "( is never closed; add"
                    + " the ')' that closes it");
        }
        lastEnd = pos;
        return new Expr.Apply(op, List.of(argument), 0, start, pos);
    }

    static List<String> functionNames() {
        return Op.functions().stream().map(Op::specName).collect(Collectors.toList());
    }

    private Expr apply(Op op, Expr left, Expr right, int start) {
        return new Expr.Apply(op, List.of(left, right), 0, start, lastEnd);
    }

    private String slice(Expr e) {
        return text.substring(e.start(), e.end());
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
