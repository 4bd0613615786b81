package org.topograd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradebookExportTest {
    @TempDir
    Path dir;

    private final List<GradebookExport.Grade> grades = List.of(
            new GradebookExport.Grade("ada", "125", "125", "100", "ok"),
            new GradebookExport.Grade("bob", "77.67", "125", "62.14", "ok"));

    private Roster roster(String text) throws Exception {
        Path file = dir.resolve("roster.csv");
        Files.writeString(file, text);
        Roster.Result result = Roster.read(file);
        if (result instanceof Roster.Result.Invalid invalid) {
            throw new AssertionError(invalid.problems().toString());
        }
        return ((Roster.Result.Valid) result).roster();
    }

    private static String text(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8);
    }

    @Test
    void canvasWithoutRosterPutsTheIdInSisLoginId() {
        assertEquals("Student,ID,SIS User ID,SIS Login ID,Section,HW3 backprop\n"
                + "Points Possible,,,,,125\n"
                + "\"\",,,ada,,125\n" // commons-csv quotes an empty first field, as RFC 4180 allows
                + "\"\",,,bob,,77.67\n",
                text(GradebookExport.render(GradebookExport.Lms.CANVAS, grades, null, "HW3 backprop")));
    }

    @Test
    void canvasWithRoster() throws Exception {
        Roster roster = roster("\uFEFFsubmission,name,sis_user_id,section\nada,\"Lovelace, Ada\",1001,A\nbob,Bob,1002,B\n");
        assertEquals("Student,ID,SIS User ID,SIS Login ID,Section,hw\n"
                + "Points Possible,,,,,125\n"
                + "\"Lovelace, Ada\",,1001,ada,A,125\n"
                + "Bob,,1002,bob,B,77.67\n",
                text(GradebookExport.render(GradebookExport.Lms.CANVAS, grades, roster, "hw")));
    }

    @Test
    void moodleAndPlain() throws Exception {
        Roster roster = roster("submission,email,username\nada,ada@x.edu,alove\nbob,bob@x.edu,bobby\n");
        assertEquals("Username,Email address,ID number,Full name,hw\n"
                + "alove,ada@x.edu,,,125\n"
                + "bobby,bob@x.edu,,,77.67\n",
                text(GradebookExport.render(GradebookExport.Lms.MOODLE, grades, roster, "hw")));
        assertEquals("Username,Email address,ID number,Full name,hw\nada,,,,125\nbob,,,,77.67\n",
                text(GradebookExport.render(GradebookExport.Lms.MOODLE, grades, null, "hw")));
        assertEquals("submission,email,username,score,max_score,percent,status\n"
                + "ada,ada@x.edu,alove,125,125,100,ok\n"
                + "bob,bob@x.edu,bobby,77.67,125,62.14,ok\n",
                text(GradebookExport.render(GradebookExport.Lms.PLAIN, grades, roster, "hw")));
    }

    @Test
    void rosterProblemsAreAllReportedWithWhatToDo() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "submission,emial,name\nada,a@x,Ada\nada,b@x,Ada again\n,c@x,Nobody\n");
        Roster.Result result = Roster.read(file);
        List<String> problems = ((Roster.Result.Invalid) result).problems();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("unknown column 'emial' (did you mean 'email'?)"), problems.get(0));
        assertTrue(problems.get(1).contains(":3: submission 'ada' is listed twice (first on line 2)"), problems.get(1));
        assertTrue(problems.get(2).contains(":4: the submission is empty"), problems.get(2));
        Files.writeString(file, "student,name\nada,Ada\n");
        List<String> noId = ((Roster.Result.Invalid) Roster.read(file)).problems();
        assertTrue(noId.get(noId.size() - 1).contains("no 'submission' column"), noId.toString());
    }

    @Test
    void readsTopogradsSummary() throws Exception {
        Path summary = dir.resolve("summary.csv");
        Files.writeString(summary, "student,score,max_score,percent,status,bugs,sq,sandbox\nada,2,2,100,ok,,2,bwrap\n");
        assertEquals(List.of(new GradebookExport.Grade("ada", "2", "2", "100", "ok")),
                GradebookExport.readSummary(summary));
    }
}
