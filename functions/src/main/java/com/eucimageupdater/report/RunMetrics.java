package com.eucimageupdater.report;

import com.eucimageupdater.workflow.FunctionEnvironment;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's metrics in CloudWatch's embedded metric format: JSON log events that CloudWatch Logs turns into
 * metrics, with no API call and no client to build. One event for the run (images updated, up to date, failed),
 * one per image that was built or waited for a quota (build minutes, seconds waited), by service.
 */
public final class RunMetrics {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String namespace;

    public RunMetrics(String namespace) {
        this.namespace = namespace;
    }

    public static RunMetrics fromEnvironment() {
        // The stack sets it, and its dashboard reads the same.
        String namespace = System.getenv(FunctionEnvironment.METRICS_NAMESPACE);
        return new RunMetrics(namespace == null || namespace.isBlank() ? FunctionEnvironment.DEFAULT_METRICS_NAMESPACE : namespace);
    }

    /** One JSON line per event, in the order written. */
    public List<String> events(ReportRequest request, RunReport report, Instant now) {
        List<String> events = new ArrayList<>();
        ObjectNode run = event(now, List.of(), "Runs", "Count", "ImagesUpdated", "Count", "ImagesUpToDate", "Count",
                "ImagesFailed", "Count", "InputRejected", "Count");
        run.put("Runs", 1)
                .put("ImagesUpdated", report.counts().updated())
                .put("ImagesUpToDate", report.counts().upToDate())
                .put("ImagesFailed", report.counts().failed())
                .put("InputRejected", report.problems().isEmpty() ? 0 : 1)
                .put("execution", request.executionName());
        events.add(run.toString());
        for (ImageResult result : report.results()) {
            Double buildMinutes = result.buildMinutes();
            boolean waited = result.quotaWaitSeconds() > 0;
            if (buildMinutes == null && !waited) {
                continue;
            }
            List<String> metrics = new ArrayList<>();
            if (buildMinutes != null) {
                metrics.addAll(List.of("BuildMinutes", "None"));
            }
            if (waited) {
                metrics.addAll(List.of("QuotaWaitSeconds", "Seconds"));
            }
            ObjectNode image = event(now, List.of("Service"), metrics.toArray(String[]::new));
            image.put("Service", result.service().name());
            if (buildMinutes != null) {
                image.put("BuildMinutes", buildMinutes);
            }
            if (waited) {
                image.put("QuotaWaitSeconds", (double) result.quotaWaitSeconds());
            }
            image.put("image", result.image()).put("account", result.account()).put("region", result.region())
                    .put("outcome", result.outcome().name()).put("execution", request.executionName());
            events.add(image.toString());
        }
        return events;
    }

    private ObjectNode event(Instant now, List<String> dimensions, String... namesAndUnits) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode directive = event.putObject("_aws").put("Timestamp", now.toEpochMilli()).putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
        dimensions.forEach(dimensionSet::add);
        ArrayNode metrics = directive.putArray("Metrics");
        for (int i = 0; i < namesAndUnits.length; i += 2) {
            metrics.addObject().put("Name", namesAndUnits[i]).put("Unit", namesAndUnits[i + 1]);
        }
        return event;
    }
}
