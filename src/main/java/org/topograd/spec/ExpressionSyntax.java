package org.topograd.spec;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What a language makes of what {@link ExpressionParser} recognises: its trees, its operators and its
 * functions. The scalar language's is {@code ScalarSyntax}, the tensor language's
 * {@code spec.tensor.TensorSyntax}.
 *
 * <p>Only {@link #call} may refuse what it is given (a wrong number of arguments, an axis that is
 * not a whole number): everything else the grammar has already checked.
 *
 * @param <E> the tree the language builds
 */
public interface ExpressionSyntax<E> {
    E number(double value, int start, int end);

    E name(String name, int start, int end);

    /** {@code left op right}, for {@code + - * /} and the {@link #extraProductOperators}. */
    E binary(char operator, E left, E right, int start, int end);

    E negate(E operand, int start, int end);

    E power(E base, double exponent, int start, int end);

    /** The value of a number, for folding {@code -3} and checking an exponent; empty for anything else. */
    OptionalDouble numberValue(E expr);

    int start(E expr);

    int end(E expr);

    /** Operators at the level of {@code *} and {@code /}, such as {@code "@"}; empty for none. */
    String extraProductOperators();

    /** The functions, in the order an error message lists them. */
    List<String> functionNames();

    /** How many arguments a function takes at most: the parser refuses a further comma. */
    int maxArguments(String function);

    /** What a comma past {@link #maxArguments} means, as a message that says what to do. */
    String tooManyArguments(String function);

    /** A call of a known function; {@code start} is the function name's offset. */
    E call(String function, List<E> arguments, int start, int end) throws ExpressionException;
}
