package com.eucimageupdater.publish;

import com.eucimageupdater.lambda.StepJson;
import com.eucimageupdater.model.Service;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One event of the run, as other systems read its detail (docs/events.md).
 *
 * @param detail the event's detail, written as the JSON object PutEvents carries as a string
 */
public record RunEvent(DetailType type, Detail detail) {
    /**
     * @param source the image the new one was made from
     * @param newImage the service's identifier of the new image (AppStream: name; WorkSpaces: id)
     * @param newImageName the new image's name where it differs from its identifier (WorkSpaces)
     * @param movedBackTo for a rollback: the image the targets went back to (from {@code newImage})
     * @param targets the fleets or bundles a roll-out or a rollback moved; null when none, so the detail leaves it out
     * @param reason for a failed validation: the check, the target and what AWS answered
     * @param executionName the execution that published the event
     * @param rolledBackExecution for a rollback: the execution whose roll-out it reversed
     */
    public record Detail(String account, String region, Service service, String source, String newImage, String newImageName,
            String movedBackTo, List<String> targets, String reason, String executionName, String rolledBackExecution) {

        public Detail {
            targets = targets == null || targets.isEmpty() ? null : List.copyOf(targets);
        }

        /** The detail every event carries; the others are added by {@code with...}. */
        public static Detail of(String account, String region, Service service, String source, String newImage, String newImageName,
                String executionName) {
            return new Detail(account, region, service, source, newImage, newImageName == null || newImageName.equals(newImage) ? null
                    : newImageName, null, List.of(), null, executionName, null);
        }

        public Detail withTargets(List<String> moved) {
            return new Detail(account, region, service, source, newImage, newImageName, movedBackTo, moved, reason, executionName,
                    rolledBackExecution);
        }

        public Detail withReason(String why) {
            return new Detail(account, region, service, source, newImage, newImageName, movedBackTo, targets, why, executionName,
                    rolledBackExecution);
        }

        public Detail movedBack(String image, String rolledBack) {
            return new Detail(account, region, service, source, newImage, newImageName, image, targets, reason, executionName, rolledBack);
        }
    }

    /** The detail as PutEvents takes it: a JSON object in a string. */
    public String detailJson() {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try {
            StepJson.records().write(json, detail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json.toString(StandardCharsets.UTF_8);
    }

    /**
     * The event as the mail names it, e.g.
     * {@code Image Updated for Base-Win2022 -> Base-Win2022-2026-11-10 (APPSTREAM, 123456789012, us-east-1)}.
     */
    public String describe() {
        return type.wire() + " for " + detail.source() + " -> " + detail.newImage() + " (" + detail.service() + ", " + detail.account()
                + ", " + detail.region() + ")";
    }
}
