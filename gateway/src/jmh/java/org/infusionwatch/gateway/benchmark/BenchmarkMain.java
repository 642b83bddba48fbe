package org.infusionwatch.gateway.benchmark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infusionwatch.gateway.hl7.fast.PcdParseBenchmark;
import org.infusionwatch.gateway.mqtt.ObservationDecodeBenchmark;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The benchmark jar's entry point: runs JMH with its usual command line ({@code -prof gc}, a
 * benchmark regex, ...; {@link PcdParseBenchmark}, {@link ObservationDecodeBenchmark} and
 * {@link EngineThroughputBenchmark} and {@link AlertPathBenchmark} when no regex is given) and
 * prints each result against the baseline measured in the same run: the HL7 parsers against
 * HAPI's PipeParser, the JSON decoder against a Jackson tree with {@code Instant.parse}, the engine
 * against a pass that only reads the observations, an alert against a second that raises none.
 */
public final class BenchmarkMain {
    private static final String ALLOCATION = "gc.alloc.rate.norm";
    private static final String PARSE_BASELINE = "hapiPipeParser";
    private static final String JSON_BASELINE = "treeAndInstantParse";
    /** The target for the rule handler. */
    private static final double ENGINE_TARGET_PER_S = 10_000_000;

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions command = new CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(command);
        if (command.getIncludes().isEmpty()) {
            builder.include(PcdParseBenchmark.class.getSimpleName());
            builder.include(ObservationDecodeBenchmark.class.getSimpleName());
            builder.include(EngineThroughputBenchmark.class.getSimpleName());
            builder.include(AlertPathBenchmark.class.getSimpleName());
        }
        Collection<RunResult> results = new Runner(builder.build()).run();
        List<RunResult> parse = results.stream().filter(r -> benchmark(r).contains("PcdParseBenchmark")).toList();
        List<RunResult> json = results.stream().filter(r -> benchmark(r).contains("ObservationDecodeBenchmark")).toList();
        List<RunResult> engine = results.stream().filter(r -> benchmark(r).contains("EngineThroughputBenchmark")).toList();
        List<RunResult> alerts = results.stream().filter(r -> benchmark(r).contains("AlertPathBenchmark")).toList();
        System.out.println();
        if (!parse.isEmpty()) {
            System.out.println(parseTable(parse));
        }
        if (!json.isEmpty()) {
            System.out.println(jsonTable(json));
        }
        if (!engine.isEmpty()) {
            System.out.println(engineTable(engine));
        }
        if (!alerts.isEmpty()) {
            System.out.println(alertTable(alerts));
        }
    }

    /**
     * Microseconds one alert costs the engine thread, per warm-up setting: each alert benchmark's
     * time less the quiet second's, divided by the beds.
     */
    static String alertTable(List<RunResult> runs) {
        Map<String, List<RunResult>> byWarmup = new LinkedHashMap<>();
        for (RunResult run : runs) {
            byWarmup.computeIfAbsent(run.getParams().getParam("warmupAlerts"), k -> new ArrayList<>()).add(run);
        }
        StringBuilder out = new StringBuilder(String.format("%-14s %-20s %12s %16s%n",
                "warm-up alerts", "alert benchmark", "us/pass", "us per alert"));
        byWarmup.forEach((warmup, warmupRuns) -> {
            double quiet = warmupRuns.stream().filter(r -> method(r).equals("quietSecond"))
                    .mapToDouble(r -> r.getPrimaryResult().getScore()).findFirst().orElse(Double.NaN);
            for (RunResult run : warmupRuns) {
                double us = run.getPrimaryResult().getScore();
                int beds = Integer.parseInt(run.getParams().getParam("beds"));
                boolean alerting = !method(run).equals("quietSecond");
                out.append(String.format("%-14s %-20s %12.1f %16s%n", warmup, method(run), us,
                        alerting ? String.format("%.1f", (us - quiet) / beds) : "(baseline)"));
            }
        });
        return out.toString();
    }

    /** One line per corpus and benchmark: ops/s, bytes allocated per op, and the ratio to the baseline. */
    static String parseTable(Collection<RunResult> results) {
        Map<String, List<RunResult>> byCorpus = new LinkedHashMap<>();
        for (RunResult result : results) {
            String corpus = String.valueOf(result.getParams().getParam("corpus"));
            byCorpus.computeIfAbsent(corpus, c -> new ArrayList<>()).add(result);
        }
        StringBuilder out = new StringBuilder(String.format("%-8s %-16s %14s %12s %10s%n",
                "corpus", "benchmark", "ops/s", "B/op", "x baseline"));
        byCorpus.forEach((corpus, runs) -> {
            double baseline = runs.stream().filter(r -> method(r).equals(PARSE_BASELINE))
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

    /** Payloads per second, bytes allocated per payload and the ratio to the tree baseline, one line per benchmark. */
    static String jsonTable(Collection<RunResult> results) {
        double baseline = results.stream().filter(r -> method(r).equals(JSON_BASELINE))
                .mapToDouble(r -> r.getPrimaryResult().getScore()).findFirst().orElse(Double.NaN);
        StringBuilder out = new StringBuilder(String.format("%-22s %14s %12s %10s%n",
                "JSON benchmark", "msg/s", "B/msg", "x baseline"));
        for (RunResult run : results) {
            double score = run.getPrimaryResult().getScore();
            Result<?> allocation = run.getSecondaryResults().get(ALLOCATION);
            out.append(String.format("%-22s %14.0f %12s %10.1f%n", method(run), score,
                    allocation == null ? "-" : String.format("%.0f", allocation.getScore()), score / baseline));
        }
        return out.toString();
    }

    /** Observations per second and bytes per observation of each engine benchmark, and the ratio to the read-only pass. */
    static String engineTable(List<RunResult> runs) {
        StringBuilder out = new StringBuilder();
        Map<String, List<RunResult>> byStream = new LinkedHashMap<>();
        for (RunResult run : runs) {
            String stream = run.getParams().getParam("beds") + " beds x " + run.getParams().getParam("minutes") + " min";
            byStream.computeIfAbsent(stream, k -> new ArrayList<>()).add(run);
        }
        byStream.forEach((stream, streamRuns) -> out.append(engineTable(stream, streamRuns)).append('\n'));
        return out.toString();
    }

    private static String engineTable(String stream, List<RunResult> runs) {
        RunResult first = runs.get(0);
        long observations = observationsPerPass(Integer.parseInt(first.getParams().getParam("beds")),
                Integer.parseInt(first.getParams().getParam("minutes")));
        double baselineMs = runs.stream().filter(r -> method(r).equals("readEveryObservation"))
                .mapToDouble(r -> r.getPrimaryResult().getScore()).findFirst().orElse(Double.NaN);
        StringBuilder out = new StringBuilder("stream: " + stream + ", " + observations + " observations per pass\n");
        out.append(String.format("%-22s %14s %12s %12s %14s%n", "engine benchmark",
                "observations/s", "B/obs", "ms/pass", "x read-only"));
        for (RunResult run : runs) {
            double ms = run.getPrimaryResult().getScore();
            Result<?> allocation = run.getSecondaryResults().get(ALLOCATION);
            out.append(String.format("%-22s %14.0f %12s %12.2f %14.2f%n", method(run), observations / (ms / 1000.0),
                    allocation == null ? "-" : String.format("%.3f", allocation.getScore() / observations), ms,
                    baselineMs / ms));
        }
        runs.stream().filter(r -> method(r).equals("engine")).findFirst().ifPresent(r -> {
            double perSecond = observations / (r.getPrimaryResult().getScore() / 1000.0);
            out.append(String.format("engine: %.1fM observations/s, target 10M: %s%n", perSecond / 1e6,
                    perSecond >= ENGINE_TARGET_PER_S ? "MET" : "NOT MET"));
        });
        return out.toString();
    }

    /** The stream's size, from a set-up identical to the benchmark's (the forked JVM printed it too). */
    private static long observationsPerPass(int beds, int minutes) {
        EngineThroughputBenchmark b = new EngineThroughputBenchmark();
        b.beds = beds;
        b.minutes = minutes;
        b.record();
        return b.observationsPerPass();
    }

    private static String benchmark(RunResult r) {
        return r.getParams().getBenchmark();
    }

    private static String method(RunResult r) {
        String name = benchmark(r);
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
