package org.infusionwatch.gateway.benchmark;

import java.util.ArrayList;
import java.util.List;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.sims.scenario.Scenario;
import org.infusionwatch.sims.scenario.Scenarios;

/**
 * The detection benchmark: pushes every scenario of the simulators' library through the gateway's
 * real decoders and the real rule engine, in event time, and prints per event and overall the
 * sensitivity, the false protocol alerts per 100 infusion windows and the median and worst
 * detection delay beyond the hold time.
 *
 * <pre>
 * java -cp gateway/target/infusionwatch-gateway.jar org.infusionwatch.gateway.benchmark.DetectionBenchmark [--protocol NAME|FILE] [--scenario NAME] [--verbose]
 * </pre>
 *
 * {@code --verbose} also prints every scenario's alerts with their evidence summary.
 *
 * Exits with 0 when the targets are met (sensitivity 100 %, no false alert, delay within hold +
 * 1 s), 1 when not, 2 on a usage error. Single-threaded.
 */
public final class DetectionBenchmark {

    private DetectionBenchmark() {
    }

    public static void main(String[] args) {
        String protocol = "STROMA";
        String only = null;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--protocol" -> protocol = value(args, ++i);
                case "--scenario" -> only = value(args, ++i);
                case "--verbose" -> verbose = true;
                case "--help", "-h" -> {
                    System.out.println("usage: DetectionBenchmark [--protocol STROMA|START|LANZONI|FILE] [--scenario NAME] [--verbose]");
                    return;
                }
                default -> usage("unknown option " + args[i]);
            }
        }
        ProtocolProfile profile;
        try {
            profile = ProtocolProfile.resolve(protocol);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        List<Scenario> scenarios = only == null ? Scenarios.all() : List.of(Scenarios.named(only));
        DetectionResult result = run(profile, scenarios);
        if (verbose) {
            System.out.print(result.formatAlerts());
        }
        System.out.print(result.format());
        System.exit(result.meetsTargets() ? 0 : 1);
    }

    /** Plays {@code scenarios} under {@code profile}. */
    static DetectionResult run(ProtocolProfile profile, List<Scenario> scenarios) {
        long started = System.nanoTime();
        ScenarioPlayer player = new ScenarioPlayer();
        List<ScenarioPlayer.Outcome> outcomes = new ArrayList<>();
        List<Scenario> all = Scenarios.all();
        for (Scenario s : scenarios) {
            int index = indexOf(all, s.name());
            outcomes.add(player.play(s, index, profile));
        }
        return new DetectionResult(profile, outcomes, (System.nanoTime() - started) / 1_000_000);
    }

    private static int indexOf(List<Scenario> all, String name) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(name)) {
                return i;
            }
        }
        return 0;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String message) {
        System.err.println("DetectionBenchmark: " + message);
        System.exit(2);
    }
}
