package org.infusionwatch.gateway.hl7.fast;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the parse benchmarks with JMH's usual command line ({@code -f 1 -wi 3 -i 5 -prof gc}, a
 * benchmark regex, ...; {@link PcdParseBenchmark} when none is given) and prints, per corpus, each
 * benchmark's throughput and allocation against the HAPI PipeParser baseline measured in the same
 * run.
 */
public final class PcdParseBenchmarkMain {

    private static final String BASELINE = "hapiPipeParser";
    private static final String ALLOCATION = "gc.alloc.rate.norm";

    private PcdParseBenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions command = new CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(command);
        if (command.getIncludes().isEmpty()) {
            builder.include(PcdParseBenchmark.class.getSimpleName());
        }
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println(ratios(results));
    }

    /** One line per corpus and benchmark: ops/s, bytes allocated per op, and the ratio to the baseline. */
    static String ratios(Collection<RunResult> results) {
        Map<String, List<RunResult>> byCorpus = new LinkedHashMap<>();
        for (RunResult result : results) {
            String corpus = String.valueOf(result.getParams().getParam("corpus"));
            byCorpus.computeIfAbsent(corpus, c -> new ArrayList<>()).add(result);
        }
        StringBuilder out = new StringBuilder(String.format("%-8s %-16s %14s %12s %10s%n",
                "corpus", "benchmark", "ops/s", "B/op", "x baseline"));
        byCorpus.forEach((corpus, runs) -> {
            double baseline = runs.stream().filter(r -> method(r).equals(BASELINE))
                    .mapToDouble(r -> r.getPrimaryResult().getScore()).findFirst().orElse(Double.NaN);
            for (RunResult run : runs) {
                double score = run.getPrimaryResult().getScore();
                Result<?> allocation = run.getSecondaryResults().get(ALLOCATION);
                out.append(String.format("%-8s %-16s %14.0f %12s %10.1f%n", corpus, method(run), score,
                        allocation == null ? "-" : String.format("%.0f", allocation.getScore()), score / baseline));
            }
        });
        return out.toString();
    }

    private static String method(RunResult run) {
        String name = run.getParams().getBenchmark();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
