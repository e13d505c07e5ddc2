package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event EventBridge accepted onto an account's bus in a Region (PutEvents): its Detail parsed, as a rule would see it.
 *
 * @param eventBus the bus's name: {@code default} when the entry named none
 */
public record PublishedEvent(String account, String region, String eventBus, String eventId, String source, String detailType,
                             JsonNode detail) {}
