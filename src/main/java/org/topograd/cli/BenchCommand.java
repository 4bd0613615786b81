package org.topograd.cli;

import java.util.concurrent.Callable;
import org.topograd.bench.EngineBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code topograd bench}: how fast the reference engine and the numerical check are on this machine. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Times the reference engine's forward and backward pass on random DAGs of each size, after "
                + "warm-up, one line per size (random-dag nodes=N ns_per_node=X), then the cost of one numerical "
                + "gradient check in full and in fast mode.",
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

    @Override
    public Integer call() {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "bench: --seconds must be a positive number, not " + seconds);
        }
        for (int size : sizes) {
            if (size < 1 || size > 10_000_000) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "bench: each size must be between 1 and 10000000 nodes, not " + size);
            }
        }
        new EngineBenchmark(spec.commandLine().getOut()).run(sizes, seconds);
        return ExitCodes.OK;
    }
}
