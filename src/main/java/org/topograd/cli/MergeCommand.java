package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.topograd.report.JUnitReport;
import org.topograd.report.ReportFolder;
import org.topograd.shard.ReportMerge;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code topograd merge}: the reports folders of every shard into the one a single machine would write. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combines the reports folders written by grade --shard K/N, one per shard, into one reports"
                + " folder: summary.csv, scorecards and state byte for byte those of a single-machine run (logs"
                + " keep each machine's timings). Every shard must be there, graded from the same submissions and"
                + " specs by the same topograd.",
        footer = ExitCodes.HELP_FOOTER)
final class MergeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "The shards' reports folders.")
    List<Path> shards;

    @Option(names = "--reports", defaultValue = "reports",
            description = "Where the merged reports go (default: ${DEFAULT-VALUE}); not one of the shards.")
    Path reports;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write a JUnit XML report of the class.")
    Path junit;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        for (Path shard : shards) {
            if (!Files.isDirectory(shard)) {
                throw new CommandLine.ParameterException(command.commandLine(), "merge: no reports folder at " + shard
                        + ": give the --reports folder of each grade --shard run");
            }
        }
        ReportMerge.Merged merged;
        try {
            merged = ReportMerge.merge(shards, reports);
        } catch (ReportMerge.MergeException e) {
            e.problems().forEach(p -> err.println("merge: " + p));
            err.println("merge: nothing was merged.");
            return ExitCodes.FINDINGS;
        }
        ReportFolder folder = new ReportFolder(reports);
        out.println("merged:     " + shards.size() + " shards, " + merged.students().size() + " students");
        ReportsWritten.print(out, folder, merged.students().size(), merged.students().size());
        if (junit != null) {
            JUnitReport.write(folder, merged.students(), junit);
            out.println("junit:      " + junit);
        }
        return ExitCodes.OK;
    }
}
