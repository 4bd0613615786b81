package org.topograd.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.spec.Problem;

class AssignmentReaderTest {
    @TempDir
    Path dir;

    private AssignmentReader.Result read(String yaml) throws IOException {
        Files.writeString(dir.resolve("assignment.yaml"), yaml);
        return AssignmentReader.load(dir);
    }

    private List<String> problems(String yaml) throws IOException {
        AssignmentReader.Result result = read(yaml);
        return ((AssignmentReader.Result.Invalid) assertInstanceOf(AssignmentReader.Result.Invalid.class, result))
                .problems().stream().map(Problem::toString).map(s -> s.substring(s.indexOf(':') + 1)).toList();
    }

    @Test
    void noFileMeansTheDefaults() {
        assertEquals(new AssignmentReader.Result.Valid(Assignment.DEFAULT), AssignmentReader.load(dir));
    }

    @Test
    void readsWeightsLimitsAndTolerances() throws IOException {
        AssignmentReader.Result result = read("""
                # a course that does not teach the traversal
                weights: {traversal: 0, numerical: 2}
                limits: {case_cpu_seconds: 0.5, submission_seconds: 30}
                numerical: {atol: 1e-6, richardson: true}
                """);
        Assignment a = ((AssignmentReader.Result.Valid) result).assignment();
        assertEquals(0, a.weights().of(Check.TRAVERSAL));
        assertEquals(2, a.weights().of(Check.NUMERICAL));
        assertEquals(3, a.weights().of(Check.GRADIENT));
        assertEquals(500, a.limits().taskCpuMillis());
        assertEquals(30_000, a.limits().submissionMillis());
        assertEquals(1e-6, a.numerical().atol());
        assertEquals(1e-4, a.numerical().rtol());
        assertEquals(true, a.numerical().richardson());
    }

    @Test
    void mistakesAreReportedWithTheirPlaceAndTheFix() throws IOException {
        assertEquals(List.of("2:3: unknown key 'travesal' in weights (did you mean 'traversal'?); correct it or remove it: the keys are forward,"
                + " gradient, traversal, end_to_end, numerical"), problems("weights:\n  travesal: 0\n"));
        assertEquals(List.of("1:21: the weight of gradient must be a whole number, not 'lots': write one such as 5"),
                problems("weights: {gradient: lots}\n"));
        assertEquals(List.of("1:10: every weight is 0, so no check would run: give at least one a weight"), problems(
                "weights: {forward: 0, gradient: 0, traversal: 0, end_to_end: 0, numerical: 0}\n"));
        assertEquals(List.of("1:31: atol is negative: a tolerance is a distance, write it without the minus"),
                problems("numerical: {rtol: 1e-4, atol: -1}\n"));
        assertEquals(List.of("2:1: duplicate key 'limits' in assignment.yaml (first on line 1): keep one of them;"
                + " topograd never silently picks the last"), problems("limits: {}\nlimits: {}\n"));
        assertEquals(List.of("1:28: case_cpu_seconds must be between 0.05 and 600 seconds, not 9000: write a number"
                + " in that range"),
                problems("limits: {case_cpu_seconds: 9000}\n"));
    }

    @Test
    void opsListsWhatStudentsMustImplementWhereNoSpecUsesIt() throws IOException {
        Assignment a = ((AssignmentReader.Result.Valid) read("ops: [sqrt, relu, add]\n")).assignment();
        assertEquals(java.util.List.of(org.topograd.spec.Op.ADD, org.topograd.spec.Op.SQRT, org.topograd.spec.Op.RELU),
                java.util.List.copyOf(a.ops()));
        assertEquals(List.of("1:12: 'sqr' is not an op (did you mean 'sqrt'?); the ops are add, sub, mul, div, pow, neg,"
                + " exp, log, sqrt, sin, cos, tanh, sigmoid, relu", "1:17: op add is listed twice: keep one"),
                problems("ops: [add, sqr, add]\n"));
        assertEquals(List.of("1:6: ops must be a list of op names such as [add, mul, sqrt], not 'add'"),
                problems("ops: add\n"));
    }
}
