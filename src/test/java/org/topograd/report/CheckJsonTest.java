package org.topograd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.topograd.grading.SubmissionResult;
import org.topograd.spec.Spec;

class CheckJsonTest {
    @Test
    void everyCheckWithItsNumbers() {
        Spec spec = Fixtures.square("sq", false);
        SubmissionResult result = Fixtures.result("bob", List.of(spec), Map.of("sq/numerical", "forward <and> backward"),
                List.of());
        String text = CheckJson.render(result, List.of(spec), 3);
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        assertEquals("bob", json.get("student").getAsString());
        assertEquals("1.6", json.get("score").getAsBigDecimal().toPlainString());
        assertEquals("80", json.get("percent").getAsBigDecimal().toPlainString());
        assertFalse(json.get("all_passed").getAsBoolean());
        assertEquals(3, json.get("hidden_specs").getAsInt());
        JsonObject s = json.getAsJsonArray("specs").get(0).getAsJsonObject();
        assertFalse(s.get("passed").getAsBoolean());
        JsonObject numerical = s.getAsJsonArray("checks").get(4).getAsJsonObject();
        assertEquals("fail", numerical.get("status").getAsString());
        assertEquals("forward <and> backward", numerical.get("message").getAsString());
        assertEquals("printed by the student\n", json.get("output").getAsString());
        assertFalse(text.contains("\\u003c"), "written as is, not HTML-escaped");
    }
}
