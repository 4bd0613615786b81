package org.topograd.spec;

import java.util.List;
import java.util.OptionalDouble;

/** The scalar language: {@link Expr} trees of {@link Op}s, one-argument functions. */
enum ScalarSyntax implements ExpressionSyntax<Expr> {
    INSTANCE;

    @Override
    public Expr number(double value, int start, int end) {
        return new Expr.Num(value, start, end);
    }

    @Override
    public Expr name(String name, int start, int end) {
        return new Expr.Ref(name, start, end);
    }

    @Override
    public Expr binary(char operator, Expr left, Expr right, int start, int end) {
        Op op = switch (operator) {
            case '+' -> Op.ADD;
            case '-' -> Op.SUB;
            case '*' -> Op.MUL;
            case '/' -> Op.DIV;
            default -> throw new IllegalArgumentException("not a scalar operator: " + operator);
        };
        return new Expr.Apply(op, List.of(left, right), 0, start, end);
    }

    @Override
    public Expr negate(Expr operand, int start, int end) {
        return new Expr.Apply(Op.NEG, List.of(operand), 0, start, end);
    }

    @Override
    public Expr power(Expr base, double exponent, int start, int end) {
        return new Expr.Apply(Op.POW, List.of(base), exponent, start, end);
    }

    @Override
    public OptionalDouble numberValue(Expr expr) {
        return expr instanceof Expr.Num num ? OptionalDouble.of(num.value()) : OptionalDouble.empty();
    }

    @Override
    public int start(Expr expr) {
        return expr.start();
    }

    @Override
    public int end(Expr expr) {
        return expr.end();
    }

    @Override
    public String extraProductOperators() {
        return "";
    }

    @Override
    public List<String> functionNames() {
        return ExpressionParser.functionNames();
    }

    @Override
    public int maxArguments(String function) {
        return 1;
    }

    @Override
    public String tooManyArguments(String function) {
        return function + " takes one argument: remove the others, or compute them in graph entries of their own";
    }

    @Override
    public Expr call(String function, List<Expr> arguments, int start, int end) {
        Op op = Op.function(function).orElseThrow(); // the parser has checked the name
        return new Expr.Apply(op, arguments, 0, start, end);
    }
}
