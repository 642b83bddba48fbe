package org.infusionwatch.agent.model;

/** Alert priority, highest first. */
public enum Priority {
    HIGH,
    MEDIUM,
    LOW
}
