package com.eucimageupdater.config;

import java.util.List;

/** Thrown when the context holds invalid settings, listing every problem found. */
public final class InvalidConfigurationException extends IllegalArgumentException {
    private final List<String> problems;

    InvalidConfigurationException(List<String> problems) {
        super("Invalid CDK context (cdk.json \"context\" or -c key=value):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
