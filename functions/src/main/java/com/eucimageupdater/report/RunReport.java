package com.eucimageupdater.report;

import java.util.List;
import java.util.Map;

/**
 * The mail for a run, in the shape of the Step Functions SNS Publish integration, and the counts the state
 * machine decides its own status on.
 */
public record RunReport(
        String subject,
        String message,
        Map<String, MessageAttribute> messageAttributes,
        Counts counts,
        List<ImageResult> results,
        List<String> problems) {

    public record Counts(int updated, int adopted, int upToDate, int failed) {}

    /** An SNS message attribute as Step Functions passes it to Publish. */
    public record MessageAttribute(String DataType, String StringValue) {
        static MessageAttribute string(String value) {
            return new MessageAttribute("String", value);
        }

        static MessageAttribute number(int value) {
            return new MessageAttribute("Number", Integer.toString(value));
        }
    }
}
