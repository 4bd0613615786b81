package org.topograd.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.topograd.bench.CheckLatencyBenchmark;
import org.topograd.bench.GradingBenchmark;
import org.topograd.bench.EngineBenchmark;
import org.topograd.bench.TensorBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code topograd bench}: how fast the reference engine and the numerical check are on this machine. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Times the reference engine's forward and backward pass on random DAGs of each size, after "
                + "warm-up, one line per size (random-dag nodes=N ns_per_node=X), then the cost of one numerical "
                + "gradient check in full and in fast mode, then how long a student's check of the correct "
                + "submission takes, in bare JVM starts (check-latency seconds=S jvm_starts=R). With --grading N: "
                + "grades N copies of the bundled correct submission against the specs with the sandbox on (grading "
                + "submissions=N per_second=X sandbox=S), where the time went, and the CPU time per submission "
                + "(a folder of tensor specs grades the bundled correct tensor submission) "
                + "(grading-cpu per_submission=S jvm_starts=R). With --tensor: the tensor engine on a two-layer MLP "
                + "(batch 64, 64 features, 256 hidden units, relu, 10 classes, cross_entropy), forward and "
                + "forward+backward (tensor-mlp ...), and the fast numerical check as a multiple of one "
                + "forward+backward (tensor-numerical-check ... forward_backward_multiple=X).",
        footer = ExitCodes.HELP_FOOTER)
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "2",
            description = "Seconds measured per line, after half as long again of warm-up (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--sizes", paramLabel = "N,...", split = ",", defaultValue = "1000,10000,100000,1000000",
            description = "Graph sizes in nodes (default: ${DEFAULT-VALUE}).")
    int[] sizes;

    @Option(names = "--grading", paramLabel = "N",
            description = "Instead: grade N copies of a submission (default submissions/correct) as a class.")
    Integer grading;

    @Option(names = "--submission", paramLabel = "DIR",
            description = "The submission copied for --grading (default: submissions/correct, or"
                    + " tensors/submissions/correct for a folder of tensor specs).")
    Path submission;

    @Option(names = "--specs", paramLabel = "DIR", defaultValue = "specs",
            description = "The specs for --grading (default: ${DEFAULT-VALUE}).")
    Path specs;

    @Option(names = "--tensor", description = "Instead: the tensor engine on a two-layer MLP and its numerical check.")
    boolean tensor;

    @Option(names = "--check-latency", description = "Instead: only the check's latency (check-latency ...).")
    boolean checkLatency;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "7",
            description = "Runs of the check and of a bare JVM for the latency, after one of each to warm up"
                    + " (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Submissions graded at once for --grading (default: the number of cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws Exception {
        if (grading != null) {
            return grading();
        }
        if (checkLatency) {
            return checkLatency();
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "bench: --seconds must be a positive number, not " + seconds);
        }
        if (tensor) {
            new TensorBenchmark(spec.commandLine().getOut()).run(seconds);
            return ExitCodes.OK;
        }
        for (int size : sizes) {
            if (size < 1 || size > 10_000_000) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "bench: each size must be between 1 and 10000000 nodes, not " + size);
            }
        }
        new EngineBenchmark(spec.commandLine().getOut()).run(sizes, seconds);
        return checkLatency();
    }

    private int checkLatency() throws Exception {
        if (runs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "bench: --runs must be at least 1");
        }
        if (!Files.isDirectory(submission(false))) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "bench: no submission folder at " + submission(false));
        }
        SpecFiles.Loaded loaded = SpecFiles.load(spec.commandLine(), specs, spec.commandLine().getErr(),
                org.topograd.grading.ReferenceAnswers.SOURCE);
        if (loaded.specs().isEmpty() || loaded.invalid() > 0 || loaded.assignment() == null
                || loaded.specs().stream().allMatch(org.topograd.spec.Spec::hidden)) {
            spec.commandLine().getErr().println("bench: the specs in " + specs + " must all be valid, some visible");
            return ExitCodes.FINDINGS;
        }
        new CheckLatencyBenchmark(spec.commandLine().getOut()).run(submission(false), loaded.specs(),
                loaded.assignment(), specs, runs);
        return ExitCodes.OK;
    }

    private int grading() throws Exception {
        if (grading < 1 || jobs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "bench: --grading and --jobs must be at least 1");
        }
        SpecFiles.Loaded loaded = SpecFiles.loadEither(spec.commandLine(), specs, spec.commandLine().getErr(),
                org.topograd.grading.ReferenceAnswers.SOURCE, CommandRunner.TOOL);
        if (loaded.refusal() != null) {
            spec.commandLine().getErr().println("bench: " + loaded.refusal());
            return ExitCodes.FINDINGS;
        }
        boolean tensors = !loaded.tensorSpecs().isEmpty();
        Path copied = submission(tensors);
        if (!Files.isDirectory(copied)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "bench: no submission folder at " + copied);
        }
        if ((loaded.specs().isEmpty() && !tensors) || loaded.invalid() > 0 || loaded.assignment() == null) {
            spec.commandLine().getErr().println("bench: the specs in " + specs + " must all be valid");
            return ExitCodes.FINDINGS;
        }
        GradingBenchmark benchmark = new GradingBenchmark(spec.commandLine().getOut());
        if (tensors) {
            benchmark.runTensor(copied, loaded.tensorSpecs(), loaded.assignment(),
                    Sandboxes.detect(spec.commandLine().getErr()), grading, jobs);
        } else {
            benchmark.run(copied, loaded.specs(), loaded.assignment(), Sandboxes.detect(spec.commandLine().getErr()),
                    grading, jobs);
        }
        return ExitCodes.OK;
    }

    /** The submission given, or the bundled correct one of the assignment's kind. */
    private Path submission(boolean tensors) {
        return submission != null ? submission
                : tensors ? Path.of("tensors", "submissions", "correct") : Path.of("submissions", "correct");
    }
}
