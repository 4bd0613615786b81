package org.topograd.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topograd.grading.SubmissionResult;
import org.topograd.spec.Spec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReportTest {
    @TempDir
    Path dir;

    @Test
    void oneTestcasePerCheckWithFailuresAndNotes() throws Exception {
        Spec spec = Fixtures.square("sq", false);
        ReportFolder folder = new ReportFolder(dir.resolve("reports"));
        folder.write(Fixtures.result("ada", List.of(spec), Map.of(), List.of()), "");
        folder.write(Fixtures.result("bob", List.of(spec), Map.of("sq/gradient", "y.grad is 5\u0001, expected 6"),
                List.of(new SubmissionResult.Note("compile", false, "a warning"))), "");
        Path xml = dir.resolve("junit.xml");
        JUnitReport.write(folder, List.of("bob", "ada", "nobody"), xml);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("10", root.getAttribute("tests"));
        assertEquals("1", root.getAttribute("failures"));
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        Element bob = (Element) suites.item(1);
        assertEquals("bob", bob.getAttribute("name"));
        Element failure = (Element) bob.getElementsByTagName("failure").item(0);
        // A control character from student code is written out as an escape before it reaches any report.
        assertEquals("y.grad is 5\\x01, expected 6", failure.getAttribute("message"));
        assertEquals("bob.sq", ((Element) failure.getParentNode()).getAttribute("classname"));
        assertEquals("main gradient", ((Element) failure.getParentNode()).getAttribute("name"));
        assertTrue(bob.getElementsByTagName("system-out").item(0).getTextContent().contains("a warning"));
        byte[] first = Files.readAllBytes(xml);
        JUnitReport.write(folder, List.of("ada", "bob"), xml);
        assertArrayEquals(first, Files.readAllBytes(xml), "the same scorecards give the same bytes");
    }
}
