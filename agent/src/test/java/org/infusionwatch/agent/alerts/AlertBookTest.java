package org.infusionwatch.agent.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertAction;
import org.infusionwatch.agent.model.AlertChange;
import org.infusionwatch.agent.model.AlertState;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.model.Priority;
import org.junit.jupiter.api.Test;

class AlertBookTest {
    private static final BedRef BED = new BedRef("ICU-A", "BED01");
    private static final long RAISED = 1_800_000_000_000L;
    private static final long MINUTE = 60_000L;

    private final AlertBook book = new AlertBook(5 * MINUTE);
    private final List<AgentNotice> out = new ArrayList<>();

    private void raise(String id) {
        book.track(List.of(new Alert(id, BED, "STROMA-0001", "ICU-A/BED01/1", EventCode.HYPOXEMIA_WORSENING,
                Priority.HIGH, AlertState.RAISED, RAISED - 15 * MINUTE, RAISED, "STROMA", "h", Map.of())));
    }

    private AlertAction action(String alertId, AlertAction.Action action, long at, String by) {
        return new AlertAction("act-" + at, alertId, BED, action, at, by, "note " + at);
    }

    private List<AlertChange> changes() {
        return out.stream().map(AlertChange.class::cast).toList();
    }

    @Test
    void shouldEscalateAnAlertNobodyAcknowledgedWithinTheConfiguredTime() {
        raise("a1");
        book.onTime(RAISED + 4 * MINUTE, out);
        assertThat(out).isEmpty();

        book.onTime(RAISED + 6 * MINUTE, out);
        book.onTime(RAISED + 9 * MINUTE, out);

        assertThat(changes()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(AlertState.ESCALATED);
            assertThat(c.timeMs()).isEqualTo(RAISED + 5 * MINUTE);
            assertThat(c.by()).isEqualTo("system");
        });
    }

    @Test
    void shouldCarryTheAlertsProfileNameAndHashOnEveryStateChange() {
        raise("a1");
        book.onAction(action("a1", AlertAction.Action.ANNOTATE, RAISED + MINUTE, "coordinator-2"), out);
        book.onTime(RAISED + 6 * MINUTE, out);

        assertThat(changes()).hasSize(2).allSatisfy(c -> {
            assertThat(c.protocolName()).isEqualTo("STROMA");
            assertThat(c.protocolHash()).isEqualTo("h");
        });
    }

    @Test
    void shouldRecordWhoAcknowledgedOnceAndNotEscalateAfterwards() {
        raise("a1");
        book.onAction(action("a1", AlertAction.Action.ACKNOWLEDGE, RAISED + MINUTE, "nurse-17"), out);
        book.onAction(action("a1", AlertAction.Action.ACKNOWLEDGE, RAISED + 2 * MINUTE, "nurse-18"), out);
        book.onTime(RAISED + 30 * MINUTE, out);

        assertThat(changes()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(AlertState.ACKNOWLEDGED);
            assertThat(c.by()).isEqualTo("nurse-17");
            assertThat(c.note()).isEqualTo("note " + (RAISED + MINUTE));
        });
    }

    @Test
    void shouldKeepEveryNoteAndCloseTheAlertWhenResolved() {
        raise("a1");
        book.onAction(action("a1", AlertAction.Action.ANNOTATE, RAISED + MINUTE, "coordinator-2"), out);
        book.onAction(action("a1", AlertAction.Action.ANNOTATE, RAISED + 2 * MINUTE, "coordinator-2"), out);
        book.onAction(action("a1", AlertAction.Action.RESOLVE, RAISED + 3 * MINUTE, "nurse-17"), out);
        book.onAction(action("a1", AlertAction.Action.ANNOTATE, RAISED + 4 * MINUTE, "coordinator-2"), out);
        book.onTime(RAISED + 60 * MINUTE, out);

        assertThat(changes()).extracting(AlertChange::state)
                .containsExactly(AlertState.ANNOTATED, AlertState.ANNOTATED, AlertState.RESOLVED);
        assertThat(book.unknownActions()).isEqualTo(1);
    }

    @Test
    void shouldIgnoreAnActionOnAnAlertItNeverSaw() {
        book.onAction(action("nope", AlertAction.Action.ACKNOWLEDGE, RAISED, "nurse-17"), out);
        assertThat(out).isEmpty();
        assertThat(book.unknownActions()).isEqualTo(1);
    }
}
