package org.topograd.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {
    /** The tree as an S-expression: {@code (neg (pow x 2))}. */
    static String tree(Expr e) {
        if (e instanceof Expr.Num num) {
            return NumberText.format(num.value());
        }
        if (e instanceof Expr.Ref ref) {
            return ref.name();
        }
        Expr.Apply apply = (Expr.Apply) e;
        List<String> parts = new ArrayList<>();
        parts.add(apply.op().specName());
        apply.operands().forEach(o -> parts.add(tree(o)));
        if (apply.op() == Op.POW) {
            parts.add(NumberText.format(apply.exponent()));
        }
        return parts.stream().collect(Collectors.joining(" ", "(", ")"));
    }

    static String parse(String text) throws ExpressionException {
        return tree(ExpressionParser.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-x ^ 2           | (neg (pow x 2))",
        "a - b - c        | (sub (sub a b) c)",
        "a / b * c        | (mul (div a b) c)",
        "a + b * c        | (add a (mul b c))",
        "(a + b) * c      | (mul (add a b) c)",
        "2 ^ -0.5         | (pow 2 -0.5)",
        "x ^ 2 * y        | (mul (pow x 2) y)",
        "a * b ^ 3        | (mul a (pow b 3))",
        "-(a + b)         | (neg (add a b))",
        "- -x             | (neg (neg x))",
        "x * -3           | (mul x -3)",
        "a - -3           | (sub a -3)",
        "-3 * x           | (mul -3 x)",
        "-2 ^ 2           | (neg (pow 2 2))",
        "sin(x) ^ 2       | (pow (sin x) 2)",
        "exp(-x)          | (exp (neg x))",
        "sigmoid(a*b+c)   | (sigmoid (add (mul a b) c))",
        "1.5e-3 * x       | (mul 0.0015 x)",
        ".5 + x           | (add 0.5 x)",
        "((x))            | x",
    })
    void precedenceAndAssociativity(String text, String expected) throws ExpressionException {
        assertEquals(expected, parse(text.strip()));
    }

    @Test
    void powerIsRightAssociativeSoAStackedExponentIsNotANumber() {
        // x ^ 2 ^ 3 is x ^ (2 ^ 3); the exponent must be a number, so this is an error that names it.
        ExpressionException e = assertThrows(ExpressionException.class, () -> ExpressionParser.parse("x ^ 2 ^ 3"));
        assertEquals(2, e.offset());
        assertTrue(e.getMessage().contains("'2 ^ 3'"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a + (b * c     | 4  | '(' is never closed",
        "a + b)         | 5  | ')' has no matching '('",
        "sin(a          | 3  | '(' of sin( is never closed",
        "x ^ y          | 2  | exponent of ^ must be a number",
        "foo(x)         | 0  | unknown function 'foo'",
        "sinh(x)        | 0  | did you mean 'sin'?",
        "a + * b        | 4  | where a number, a name or '(' should be: put an operand here",
        "a +            | 3  | the expression ends",
        "2x             | 1  | unexpected 'x'",
        "'   '          | 0  | the expression is empty",
        "sin(a, b)      | 5  | sin takes one argument",
        "a $ b          | 2  | unexpected '$'",
        "()             | 1  | closes an empty pair",
    })
    void errorsPointAtTheProblem(String text, int offset, String words) {
        ExpressionException e = assertThrows(ExpressionException.class, () -> ExpressionParser.parse(text));
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void unknownFunctionListsTheKnownOnes() {
        ExpressionException e = assertThrows(ExpressionException.class, () -> ExpressionParser.parse("abs(x)"));
        assertTrue(e.getMessage().endsWith("use one of the functions: exp, log, sqrt, sin, cos, tanh, sigmoid, relu"),
                e.getMessage());
    }

    @Test
    void tooDeepIsAnErrorNotAStackOverflow() {
        String deep = "(".repeat(5000) + "x" + ")".repeat(5000);
        ExpressionException e = assertThrows(ExpressionException.class, () -> ExpressionParser.parse(deep));
        assertTrue(e.getMessage().contains("nested more than"), e.getMessage());
    }

    @Test
    void hugeNumberIsAnError() {
        ExpressionException e = assertThrows(ExpressionException.class, () -> ExpressionParser.parse("x * 1e999"));
        assertEquals(4, e.offset());
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    /** Anonymous nodes are labelled with their own text, parentheses of operands included. */
    @Test
    void labelsOfAnonymousNodes() {
        String text = "title: t\ninputs: {a: 1, b: 2, c: 3}\ngraph:\n  y: (a + b) * -(c - a) + sin(b) ^ 2\n";
        Spec spec = ((SpecResult.Valid) SpecLoader.parse(Path.of("t.yaml"), text)).spec();
        Graph graph = spec.graph();
        List<String> labels = new ArrayList<>();
        for (int node = 0; node < graph.size(); node++) {
            labels.add(graph.label(node));
        }
        assertEquals(List.of("a", "b", "c", "a + b", "c - a", "-(c - a)", "(a + b) * -(c - a)", "sin(b)", "sin(b) ^ 2", "y"),
                labels);
        assertEquals(List.of("a", "b", "c"), graph.inputNames());
        assertEquals(graph.size() - 1, graph.output());
    }

    @Test
    void aNameUsedTwiceIsOneNodeWithTwoParents() {
        String text = "title: t\ninputs: {x: 3}\ngraph:\n  y: x * x\n";
        Graph graph = ((SpecResult.Valid) SpecLoader.parse(Path.of("t.yaml"), text)).spec().graph();
        assertEquals(2, graph.size());
        assertEquals(graph.inputNode(0), graph.operand(1, 0));
        assertEquals(graph.inputNode(0), graph.operand(1, 1));
    }
}
