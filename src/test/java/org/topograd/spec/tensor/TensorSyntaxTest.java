package org.topograd.spec.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.topograd.spec.ExpressionException;
import org.topograd.spec.ExpressionParser;
import org.topograd.spec.NumberText;

/** The tensor language through the shared expression parser: {@code @}, axes and two-argument calls. */
class TensorSyntaxTest {
    static String tree(TensorExpr e) {
        if (e instanceof TensorExpr.Num num) {
            return NumberText.format(num.value());
        }
        if (e instanceof TensorExpr.Ref ref) {
            return ref.name();
        }
        TensorExpr.Apply apply = (TensorExpr.Apply) e;
        List<String> parts = new ArrayList<>();
        parts.add(apply.op().specName());
        apply.operands().forEach(o -> parts.add(tree(o)));
        if (apply.op() == TensorOp.POW || apply.op().arity() == TensorOp.Arity.AXIS) {
            parts.add(NumberText.format(apply.param()));
        }
        return parts.stream().collect(Collectors.joining(" ", "(", ")"));
    }

    private static String parse(String text) throws ExpressionException {
        return tree(ExpressionParser.parse(text, TensorSyntax.INSTANCE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "X @ W + b             | (add (matmul X W) b)",
        "b + X @ W             | (add b (matmul X W))",
        "A @ B @ C             | (matmul (matmul A B) C)",
        "A * B @ C             | (matmul (mul A B) C)",
        "A @ B * 2             | (mul (matmul A B) 2)",
        "A @ B / 2             | (div (matmul A B) 2)",
        "-A @ B                | (matmul (neg A) B)",
        "A @ B ^ 2             | (matmul A (pow B 2))",
        "A @ (B + C)           | (matmul A (add B C))",
        "sum(x)                | (sum x)",
        "sum(x, 0)             | (sum_axis x 0)",
        "mean(x, -1)           | (mean_axis x -1)",
        "sum(x - 1, 1)         | (sum_axis (sub x 1) 1)",
        "cross_entropy(z, y)   | (cross_entropy z y)",
        "log_softmax(transpose(X @ W)) | (log_softmax (transpose (matmul X W)))",
    })
    void precedenceIsNumpys(String text, String expected) throws ExpressionException {
        assertEquals(expected, parse(text.strip()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sum(x, a)          | 7  | the axis of sum(x, axis) must be a whole number",
        "mean(x, 1.5)       | 8  | the axis of mean(x, axis) must be a whole number",
        "sum(x, 0, 1)       | 8  | sum takes at most two arguments",
        "exp(x, 1)          | 5  | exp takes one argument",
        "cross_entropy(z)   | 0  | cross_entropy takes two arguments",
        "softmx(z)          | 0  | did you mean 'softmax'?",
        "A @ @ B            | 4  | where a number, a name or '(' should be",
        "A B                | 2  | put an operator (+ - * / @ ^) before it",
    })
    void errorsPointAtTheProblem(String text, int offset, String words) {
        ExpressionException e = assertThrows(ExpressionException.class,
                () -> ExpressionParser.parse(text, TensorSyntax.INSTANCE));
        assertEquals(offset, e.offset(), e.getMessage());
        assertEquals(true, e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void theScalarLanguageStillHasNoAt() {
        ExpressionException e = assertThrows(ExpressionException.class, () -> ExpressionParser.parse("a @ b"));
        assertEquals(2, e.offset());
        assertEquals("unexpected '@' after a complete expression: put an operator (+ - * / ^) before it, or remove it"
                + " if it is not part of the expression language", e.getMessage());
    }
}
