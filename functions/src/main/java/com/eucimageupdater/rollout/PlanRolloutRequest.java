package com.eucimageupdater.rollout;

import com.eucimageupdater.images.RunSettings;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/** The built images' results, as the Map's Record states shaped them, and the run's settings. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanRolloutRequest(JsonNode results, RunSettings run) {}
