package org.topograd.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.spec.Problem;

class AssignmentGradescopeTest {
    @TempDir
    Path specs;

    private AssignmentReader.Result read(String yaml) throws Exception {
        Files.writeString(specs.resolve("assignment.yaml"), yaml);
        return AssignmentReader.load(specs);
    }

    @Test
    void hiddenSpecsArePublishedWithTheGradesByDefault() throws Exception {
        assertEquals("after_published", Assignment.DEFAULT.gradescope().hiddenVisibility());
        AssignmentReader.Result r = read("weights: {traversal: 0}\n");
        assertEquals(GradescopeSettings.DEFAULT, ((AssignmentReader.Result.Valid) r).assignment().gradescope());
    }

    @Test
    void hiddenVisibilityIsConfigurable() throws Exception {
        AssignmentReader.Result r = read("gradescope: {hidden_visibility: after_due_date}\n");
        assertEquals("after_due_date", ((AssignmentReader.Result.Valid) r).assignment().gradescope().hiddenVisibility());
    }

    @Test
    void typosGetADidYouMean() throws Exception {
        List<Problem> problems = ((AssignmentReader.Result.Invalid) read(
                "gradescope:\n  hidden_visibility: after_publish\n")).problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).toString().endsWith("assignment.yaml:2:22: hidden_visibility 'after_publish' is"
                + " not a Gradescope visibility (did you mean 'after_published'?); use one of hidden, after_due_date,"
                + " after_published, visible"), problems.get(0).toString());
        problems = ((AssignmentReader.Result.Invalid) read("gradescope: {hiden_visibility: visible}\n")).problems();
        assertTrue(problems.get(0).message().startsWith("unknown key 'hiden_visibility' in gradescope (did you mean"
                + " 'hidden_visibility'?)"), problems.get(0).message());
        problems = ((AssignmentReader.Result.Invalid) read("gradescop: {}\n")).problems();
        assertTrue(problems.get(0).message().contains("(did you mean 'gradescope'?)"), problems.get(0).message());
    }
}
