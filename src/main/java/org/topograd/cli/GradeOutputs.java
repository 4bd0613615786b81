package org.topograd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.topograd.Version;
import org.topograd.report.JUnitReport;
import org.topograd.report.ReportFolder;
import org.topograd.shard.Shard;
import org.topograd.shard.ShardManifest;
import org.topograd.spec.Suggest;
import org.topograd.submission.Submission;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code grade}'s options for results beyond the reports folder: Gradescope's results.json for one
 * submission, a share of the class for one machine, a JUnit report for CI. A mixin, so that
 * {@link GradeCommand} only asks it at three points: before grading (Gradescope instead),
 * choosing whom to grade, and after the summary.
 */
final class GradeOutputs {
    static final List<String> FORMATS = List.of("csv", "gradescope");

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", completionCandidates = Formats.class,
            description = "csv (default): every submission into the reports folder. gradescope: the one submission"
                    + " given by --submission into Gradescope's results.json (--out).")
    String format;

    @Option(names = "--submission", paramLabel = "DIR",
            description = "With --format gradescope: the submission folder to grade.")
    Path submission;

    @Option(names = "--out", paramLabel = "FILE",
            description = "With --format gradescope: where results.json goes (default: results.json).")
    Path out;

    @Option(names = "--shard", paramLabel = "K/N", converter = ShardConverter.class,
            description = "Grade only shard K of N: the submissions at positions K-1, K-1+N, K-1+2N, ... of the"
                    + " sorted list. Give each shard its own --reports folder; combine them with topograd merge.")
    Shard shard;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Also write a JUnit XML report of the class (one testcase per check) for CI systems.")
    Path junit;

    static final class Formats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return FORMATS.iterator();
        }
    }

    static final class ShardConverter implements CommandLine.ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Whether this run grades one submission for Gradescope instead of the class. */
    boolean gradescope(CommandLine cli, boolean onlyGiven) {
        if (!FORMATS.contains(format)) {
            throw new ParameterException(cli, "--format " + format + " is not a format"
                    + Suggest.nearest(format, FORMATS).map(s -> " (did you mean '" + s + "'?)").orElse("")
                    + "; the formats are " + String.join(", ", FORMATS));
        }
        boolean gradescope = format.equals("gradescope");
        if (gradescope) {
            if (submission == null) {
                throw new ParameterException(cli, "--format gradescope grades one submission: give it with"
                        + " --submission DIR");
            }
            if (shard != null || junit != null || onlyGiven) {
                throw new ParameterException(cli, "--format gradescope grades one submission: --shard, --junit and"
                        + " --only are for grading a class");
            }
        } else if (submission != null || out != null) {
            throw new ParameterException(cli, (submission != null ? "--submission" : "--out") + " is for --format"
                    + " gradescope; to grade some students of the class, use --only ID ...");
        } else if (shard != null && onlyGiven) {
            throw new ParameterException(cli, "--shard and --only do not go together: a shard is a share of the"
                    + " whole class");
        }
        return gradescope;
    }

    Path resultsFile() {
        return out != null ? out : Path.of("results.json");
    }

    /** The submissions this machine grades: all of {@code chosen}, or this shard's share. */
    List<Submission> select(List<Submission> chosen) {
        return shard == null ? chosen : shard.select(chosen);
    }

    /** After the summary: the shard's manifest (or a stale one removed), the JUnit report. */
    void afterSummary(Path reports, List<String> specIds, List<Submission> all, PrintWriter out) throws IOException {
        List<String> students = all.stream().map(Submission::id).toList();
        if (shard != null) {
            new ShardManifest(Version.get(), shard, specIds, students, shard.select(students)).write(reports);
            out.println("shard:      " + shard + ", " + ShardManifest.in(reports) + " (merge the shards with topograd"
                    + " merge)");
        } else {
            Files.deleteIfExists(ShardManifest.in(reports)); // a whole class now, not a shard
        }
        if (junit != null) {
            JUnitReport.write(new ReportFolder(reports), students, junit);
            out.println("junit:      " + junit);
        }
    }
}
