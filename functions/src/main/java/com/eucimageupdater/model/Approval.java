package com.eucimageupdater.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * Whether a run's production roll-out waits for an approve link, goes right after staging, or goes after a soak unless
 * rejected: cdk.json's and the input's {@code approval}.
 */
public enum Approval {
    /** Production waits for an approve link. */
    REQUIRED("required"),
    /** Production right after staging. */
    NONE("none"),
    /** Production after a soak of promoteAfterHours unless someone rejects it: the mail carries only a reject link. */
    AUTO("auto");

    private final String text;

    Approval(String text) {
        this.text = text;
    }

    /** The value as cdk.json, the input and the state machine's data spell it; both JSON mappers write and read this. */
    @JsonValue
    @Override
    public String toString() {
        return text;
    }

    /** Whether production waits for an answer (an approve, or a soak that a reject stops) and so a mail asks for it. */
    public boolean asksFirst() {
        return this != NONE;
    }

    /** The values as a refusal lists them, each with what it does. */
    public static String choices() {
        return "\"" + REQUIRED + "\" (production waits for an approve link), \"" + NONE + "\" (production right after staging) or \""
                + AUTO + "\" (production after promoteAfterHours unless rejected)";
    }

    /** The approval spelt {@code text}, if it is one. */
    public static Optional<Approval> of(String text) {
        return Arrays.stream(values()).filter(approval -> approval.text.equals(text)).findFirst();
    }
}
