package org.topograd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.topograd.grading.GradescopeSettings;
import org.topograd.grading.SubmissionResult;
import org.topograd.spec.Spec;

class GradescopeResultsTest {
    private final Spec shown = Fixtures.square("shown", false);
    private final Spec secret = Fixtures.square("secret", true);
    private final SubmissionResult result = Fixtures.result("ada", List.of(shown, secret), Map.of(
            "shown/gradient", "y.grad is 5, expected 6",
            "secret/forward", "y is 123.456, expected 987.654"),
            List.of(new SubmissionResult.Note("classes", true, "no class for op sub")));

    private JsonObject render(GradescopeSettings settings) {
        return JsonParser.parseString(GradescopeResults.render(result, List.of(shown, secret), settings, 7))
                .getAsJsonObject();
    }

    @Test
    void oneTestPerSpecAndCheckWithTheTotalScore() {
        JsonObject json = render(GradescopeSettings.DEFAULT);
        assertEquals(2 * 5 * 0.4 - 0.8, json.get("score").getAsDouble(), 1e-12);
        assertEquals(7, json.get("execution_time").getAsLong());
        JsonArray tests = json.getAsJsonArray("tests");
        assertEquals(10, tests.size());
        JsonObject gradient = tests.get(1).getAsJsonObject();
        assertEquals("shown: gradient (Square shown)", gradient.get("name").getAsString());
        assertEquals("1.2", gradient.get("number").getAsString());
        assertEquals("failed", gradient.get("status").getAsString());
        assertEquals(0, gradient.get("score").getAsDouble());
        assertEquals(0.4, gradient.get("max_score").getAsDouble());
        assertEquals("visible", gradient.get("visibility").getAsString());
        assertTrue(gradient.get("output").getAsString().contains("main: FAIL: y.grad is 5, expected 6"));
        assertEquals(List.of("shown", "gradient", "visible"), strings(gradient.getAsJsonArray("tags")));
        JsonObject passed = tests.get(0).getAsJsonObject();
        assertEquals("passed", passed.get("status").getAsString());
        assertEquals(0.4, passed.get("score").getAsDouble());
    }

    @Test
    void hiddenSpecsShowStatusesOnlyWithTheConfiguredVisibility() {
        for (String visibility : GradescopeSettings.VISIBILITIES) {
            JsonObject json = render(new GradescopeSettings(visibility));
            JsonObject forward = json.getAsJsonArray("tests").get(5).getAsJsonObject();
            assertEquals("secret: forward (Square secret)", forward.get("name").getAsString());
            assertEquals(visibility, forward.get("visibility").getAsString());
            assertEquals("failed", forward.get("status").getAsString());
            assertTrue(forward.get("output").getAsString().contains("main: fail\n"), forward.toString());
            String all = json.toString();
            assertFalse(all.contains("987.654") || all.contains("123.456"), "a hidden expectation leaked: " + all);
        }
    }

    @Test
    void theOutputStudentsAlwaysSeeHasNotesAndVisibleScoreButNotThePrintedOutput() {
        JsonObject json = render(GradescopeSettings.DEFAULT);
        String output = json.get("output").getAsString();
        assertTrue(output.contains("error (classes): no class for op sub"), output);
        assertTrue(output.contains("Visible specs (1): 1.6 / 2 points."), output);
        assertTrue(output.contains("Hidden specs (1): their results appear when your instructor publishes"), output);
        assertFalse(output.contains("printed by the student"), output);
        assertEquals("hidden", json.get("stdout_visibility").getAsString());
    }

    @Test
    void sameResultSameBytes() {
        assertEquals(GradescopeResults.render(result, List.of(shown, secret), GradescopeSettings.DEFAULT, 3),
                GradescopeResults.render(result, List.of(shown, secret), GradescopeSettings.DEFAULT, 3));
    }

    private static List<String> strings(JsonArray array) {
        return array.asList().stream().map(JsonElement::getAsString).toList();
    }
}
