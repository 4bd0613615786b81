package org.topograd.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A JUnit XML report of a reports folder, for CI systems (GitHub Actions, GitLab, Jenkins): one
 * {@code <testsuite>} per student, one {@code <testcase>} per scorecard row
 * ({@code classname} = student.spec, {@code name} = "case check"). A {@code fail} or
 * {@code not_run} row is a {@code <failure>}, an {@code error}, {@code timeout} or {@code crash}
 * row an {@code <error>}, both with the scorecard's message; the notes about a submission as a
 * whole (compiler messages) go to the suite's {@code <system-out>}.
 *
 * <p>It is built from the scorecards, not from a grading run, so students whose reports were
 * already current are in it too. No timestamps or times: the same scorecards give the same bytes.
 */
public final class JUnitReport {
    private JUnitReport() {}

    /** Writes the report of {@code students} (those with a scorecard) to {@code file}. */
    public static void write(ReportFolder folder, Collection<String> students, Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        List<List<Scorecard.Row>> cards = new ArrayList<>();
        for (String student : new TreeSet<>(students)) {
            Path card = folder.scorecard(student);
            if (Files.isRegularFile(card)) {
                ids.add(student);
                cards.add(Scorecard.read(card));
            }
        }
        AtomicFiles.write(file, render(ids, cards));
    }

    static byte[] render(List<String> students, List<List<Scorecard.Row>> cards) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            int[] total = new int[3];
            for (List<Scorecard.Row> card : cards) {
                int[] counts = counts(card);
                for (int i = 0; i < 3; i++) {
                    total[i] += counts[i];
                }
            }
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "topograd");
            xml.writeAttribute("tests", Integer.toString(total[0]));
            xml.writeAttribute("failures", Integer.toString(total[1]));
            xml.writeAttribute("errors", Integer.toString(total[2]));
            for (int s = 0; s < students.size(); s++) {
                suite(xml, students.get(s), cards.get(s));
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report", e); // writing to memory does not fail
        }
        return bytes.toByteArray();
    }

    /** Tests, failures, errors. */
    private static int[] counts(List<Scorecard.Row> card) {
        int[] counts = new int[3];
        for (Scorecard.Row r : card) {
            if (r.note()) {
                continue;
            }
            counts[0]++;
            if (isFailure(r.status())) {
                counts[1]++;
            } else if (!r.passed()) {
                counts[2]++;
            }
        }
        return counts;
    }

    private static boolean isFailure(String status) {
        return status.equals("fail") || status.equals("not_run");
    }

    private static void suite(XMLStreamWriter xml, String student, List<Scorecard.Row> card) throws XMLStreamException {
        int[] counts = counts(card);
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean(student));
        xml.writeAttribute("tests", Integer.toString(counts[0]));
        xml.writeAttribute("failures", Integer.toString(counts[1]));
        xml.writeAttribute("errors", Integer.toString(counts[2]));
        StringBuilder notes = new StringBuilder();
        for (Scorecard.Row r : card) {
            if (r.note()) {
                notes.append('[').append(r.check()).append(' ').append(r.status()).append("] ").append(r.message())
                        .append('\n');
                continue;
            }
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", clean(student + "." + r.spec()));
            xml.writeAttribute("name", clean(r.caseName() + " " + r.check()));
            if (!r.passed()) {
                xml.writeCharacters("\n      ");
                xml.writeStartElement(isFailure(r.status()) ? "failure" : "error");
                xml.writeAttribute("type", r.status());
                xml.writeAttribute("message", clean(r.message()));
                xml.writeCharacters(clean(r.status() + ": " + r.message() + " (" + r.score() + " of " + r.max()
                        + " points)"));
                xml.writeEndElement();
                xml.writeCharacters("\n    ");
            }
            xml.writeEndElement();
        }
        if (notes.length() > 0) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean(notes.toString()));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    /**
     * The text with every character XML 1.0 cannot hold (control characters a student's exception
     * message may carry) replaced by U+FFFD; the writer escapes the rest, but would write these as is
     * and make the file unreadable.
     */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            out.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return out.toString();
    }
}
