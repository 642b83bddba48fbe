package org.infusionwatch.agent.pipeline;

/** What a publisher does for the engine once its input is in the ring. */
interface EngineHandOver {
    /** A device report or a refused input, published by an edge thread on the alert path. */
    void afterEdgeInput();

    /** Any other input: a tick, a person's entry or action. */
    void afterOtherInput();

    /** The engine has a thread of its own that the ring wakes: nothing to do. */
    EngineHandOver NONE = new EngineHandOver() {
        @Override
        public void afterEdgeInput() {
        }

        @Override
        public void afterOtherInput() {
        }
    };
}
