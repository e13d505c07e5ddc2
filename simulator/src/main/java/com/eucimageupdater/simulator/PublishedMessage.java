package com.eucimageupdater.simulator;

import java.util.Map;

/** An SNS message published successfully: attributes by name, with their string values and data types. */
public record PublishedMessage(String topicArn, String subject, String message, Map<String, String> attributes,
                               Map<String, String> attributeDataTypes) {}
