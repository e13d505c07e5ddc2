package com.eucimageupdater.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Whether a run's production roll-out waits for an approve link: cdk.json's and the input's {@code approval}. */
public enum Approval {
    /** Production waits for an approve link. */
    REQUIRED("required"),
    /** Production right after staging. */
    NONE("none");

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

    /** The approval spelt {@code text}, if it is one. */
    public static Optional<Approval> of(String text) {
        return Arrays.stream(values()).filter(approval -> approval.text.equals(text)).findFirst();
    }
}
