package org.topograd.gradescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema refuses what Gradescope's specification does not allow (so a pass means something). */
class ResultsSchemaTest {
    @Test
    void theSpecificationsOwnExampleKeepsIt() {
        assertEquals(List.of(), ResultsSchema.problems("""
                {"score": 44.0, "execution_time": 136, "output": "Text relevant to the entire submission",
                 "output_format": "simple_format", "test_output_format": "text", "test_name_format": "text",
                 "visibility": "after_due_date", "stdout_visibility": "visible", "extra_data": {},
                 "tests": [{"score": 2.0, "max_score": 2.0, "status": "passed", "name": "Your name here",
                            "name_format": "text", "number": "1.1", "output": "Giant multiline string",
                            "output_format": "text", "tags": ["tag1", "tag2"], "visibility": "visible",
                            "extra_data": {}}],
                 "leaderboard": [{"name": "Accuracy", "value": 0.926}, {"name": "Time", "value": 15.1,
                                  "order": "asc"}]}
                """));
    }

    @Test
    void whatItDoesNotAllowIsRefused() {
        for (String bad : List.of(
                "{\"tests\": [{\"max_score\": 1}]}",
                "{\"score\": \"10\"}",
                "{\"score\": 1, \"tests\": [{\"score\": 1, \"status\": \"pass\"}]}",
                "{\"score\": 1, \"visibility\": \"students\"}",
                "{\"score\": 1, \"stdout_visibility\": \"after_publish\"}",
                "{\"score\": 1, \"tests\": [{\"score\": 1, \"tags\": \"forward\"}]}",
                "{\"score\": 1, \"tests\": [{\"score\": 1, \"number\": 1.1}]}",
                "{\"score\": 1, \"output_format\": \"markdown\"}",
                "{\"score\": 1, \"sores\": 2}")) {
            assertFalse(ResultsSchema.problems(bad).isEmpty(), bad);
        }
    }
}
