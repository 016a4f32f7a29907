package io.tributary.bench;

/** A scenario's measured phase (warm-up results are not reported). */
record ScenarioResult(String name, String description, PhaseResult measured) {}
