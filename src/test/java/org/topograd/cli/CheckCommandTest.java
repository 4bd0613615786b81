package org.topograd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The head start check gives javac: the folder it guesses, held to picocli's own reading. */
class CheckCommandTest {
    @Test
    void theLikelySubmissionIsTheFirstArgumentThatIsNoOptionNorAValue() {
        assertEquals(Path.of("."), CheckCommand.likelySubmission("check"));
        assertEquals(Path.of("work"), CheckCommand.likelySubmission("check", "work"));
        assertEquals(Path.of("work"), CheckCommand.likelySubmission("check", "--json", "--specs", "s", "work"));
        assertEquals(Path.of("work"), CheckCommand.likelySubmission("check", "--specs=s", "--watch", "work"));
        assertEquals(Path.of("."), CheckCommand.likelySubmission("check", "--specs", "s", "--no-color"));
        assertEquals(Path.of("-odd"), CheckCommand.likelySubmission("check", "--", "-odd"));
        assertNull(CheckCommand.likelySubmission("check", "@args.txt"));
    }

    @Test
    void everyOptionThatTakesAValueIsKnownToTheGuess() {
        TreeSet<String> valued = new TreeSet<>();
        for (CommandLine.Model.OptionSpec option : new CommandLine(new CheckCommand()).getCommandSpec().options()) {
            if (option.arity().max() > 0) {
                valued.add(option.longestName());
            }
        }
        assertEquals(new TreeSet<>(CheckCommand.VALUED_OPTIONS), valued);
    }

    @Test
    void theGuessAgreesWithPicocli() {
        for (List<String> line : List.of(List.of("check", "--json", "--specs", "s", "work"),
                List.of("check", "--specs=s", "--watch", "work"), List.of("check", "--no-color", "w"))) {
            CheckCommand command = new CheckCommand();
            new CommandLine(command).parseArgs(line.subList(1, line.size()).toArray(String[]::new));
            assertEquals(command.dir, CheckCommand.likelySubmission(line.toArray(String[]::new)), line.toString());
        }
    }
}
