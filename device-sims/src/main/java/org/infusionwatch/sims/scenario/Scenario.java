package org.infusionwatch.sims.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A labelled, timed clinical script for one bed, relative to the scenario start, with the events
 * it should cause. Immutable; built with {@link #builder(String)}.
 *
 * @param name           short id, e.g. {@code hypoxemia}
 * @param description    one line for people
 * @param baseline       the bed at the scenario start
 * @param onsetOffsetMs  when the study infusion starts (T0), relative to the scenario start
 * @param steps          the steps, ordered by time (steps at the same time keep their order)
 * @param expectedEvents what detection should raise, ordered by time
 * @param observeUntilMs how long a benchmark should watch the bed, relative to the scenario start
 *                       (at least the last step, and the windows of every infusion)
 */
public record Scenario(
        String name,
        String description,
        BedBaseline baseline,
        long onsetOffsetMs,
        List<ScenarioStep> steps,
        List<ExpectedEvent> expectedEvents,
        long observeUntilMs) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(baseline, "baseline");
        steps = List.copyOf(steps);
        expectedEvents = List.copyOf(expectedEvents);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The time of the last step or expected event, relative to the scenario start. */
    public long lengthMs() {
        long last = onsetOffsetMs;
        for (ScenarioStep step : steps) {
            last = Math.max(last, step.offsetMs());
        }
        for (ExpectedEvent event : expectedEvents) {
            last = Math.max(last, event.offsetMs());
        }
        return last;
    }

    /**
     * Builds a {@link Scenario}. Times are given either from the scenario start ({@link #at}) or
     * from the infusion onset T0 ({@link #afterOnset}), which must be set first.
     *
     * <p>Threading: not thread-safe.
     */
    public static final class Builder {

        private final String name;
        private String description = "";
        private BedBaseline baseline = BedBaseline.DEFAULT;
        private Long onsetOffsetMs;
        private final List<ScenarioStep> steps = new ArrayList<>();
        private final List<ExpectedEvent> expected = new ArrayList<>();
        private long observeAfterOnsetMs = Duration.ofMinutes(390).toMillis();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder description(String text) {
            this.description = Objects.requireNonNull(text, "text");
            return this;
        }

        public Builder baseline(BedBaseline bedBaseline) {
            this.baseline = Objects.requireNonNull(bedBaseline, "bedBaseline");
            return this;
        }

        /** Sets the infusion onset T0 and adds {@code action} (typically the pump start) there. */
        public Builder onsetAt(Duration fromStart, ScenarioAction action) {
            if (onsetOffsetMs != null) {
                throw new IllegalStateException("onset already set in scenario " + name);
            }
            onsetOffsetMs = fromStart.toMillis();
            return at(fromStart, action);
        }

        public Builder at(Duration fromStart, ScenarioAction action) {
            steps.add(new ScenarioStep(fromStart.toMillis(), action));
            return this;
        }

        public Builder afterOnset(Duration fromOnset, ScenarioAction action) {
            steps.add(new ScenarioStep(onset() + fromOnset.toMillis(), action));
            return this;
        }

        /** Expects detection to raise {@code eventCode} with its onset at T0 + {@code fromOnset}. */
        public Builder expectAfterOnset(String eventCode, Duration fromOnset) {
            expected.add(new ExpectedEvent(eventCode, onset() + fromOnset.toMillis()));
            return this;
        }

        /** As {@link #expectAfterOnset(String, Duration)}, under the named protocol profiles only. */
        public Builder expectAfterOnset(String eventCode, Duration fromOnset, String... profiles) {
            expected.add(new ExpectedEvent(eventCode, onset() + fromOnset.toMillis(), java.util.Set.of(profiles)));
            return this;
        }

        /** Watch the bed until T0 + {@code fromOnset} at least (default: 6 h 30 min). */
        public Builder observeUntilAfterOnset(Duration fromOnset) {
            this.observeAfterOnsetMs = fromOnset.toMillis();
            return this;
        }

        public Scenario build() {
            List<ScenarioStep> ordered = new ArrayList<>(steps);
            ordered.sort(Comparator.comparingLong(ScenarioStep::offsetMs)); // stable: same-time steps keep order
            List<ExpectedEvent> orderedExpected = new ArrayList<>(expected);
            orderedExpected.sort(Comparator.comparingLong(ExpectedEvent::offsetMs));
            long lastStep = ordered.isEmpty() ? 0 : ordered.get(ordered.size() - 1).offsetMs();
            long lastExpected = orderedExpected.isEmpty() ? 0 : orderedExpected.get(orderedExpected.size() - 1).offsetMs();
            long observeUntil = Math.max(onset() + observeAfterOnsetMs, Math.max(lastStep, lastExpected) + 30 * 60_000L);
            return new Scenario(name, description, baseline, onset(), ordered, orderedExpected, observeUntil);
        }

        private long onset() {
            if (onsetOffsetMs == null) {
                throw new IllegalStateException("scenario " + name + " has no onset: call onsetAt first");
            }
            return onsetOffsetMs;
        }
    }
}
