package org.infusionwatch.agent.engine;

import java.util.Map;
import org.infusionwatch.agent.model.EventCode;

/** What a rule found: the event, when its condition began, and the evidence. */
record Finding(EventCode event, long onsetMs, Map<String, Object> evidence) {
}
