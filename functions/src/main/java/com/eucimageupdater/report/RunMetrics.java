package com.eucimageupdater.report;

import com.eucimageupdater.lambda.JsonValues;
import com.eucimageupdater.workflow.FunctionEnvironment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's metrics in CloudWatch's embedded metric format: JSON log events that CloudWatch Logs turns into
 * metrics, with no API call and no client to build. One event for the run (images updated, up to date, failed),
 * one per image that was built or waited for a quota (build minutes, seconds waited), by service.
 */
public final class RunMetrics {
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
        Map<String, Object> run = event(now, List.of(), "Runs", "Count", "ImagesUpdated", "Count", "ImagesUpToDate", "Count",
                "ImagesFailed", "Count", "InputRejected", "Count");
        run.put("Runs", 1);
        run.put("ImagesUpdated", report.counts().updated());
        run.put("ImagesUpToDate", report.counts().upToDate());
        run.put("ImagesFailed", report.counts().failed());
        run.put("InputRejected", report.problems().isEmpty() ? 0 : 1);
        run.put("execution", request.executionName());
        events.add(JsonValues.shown(run));
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
            Map<String, Object> image = event(now, List.of("Service"), metrics.toArray(String[]::new));
            image.put("Service", result.service().name());
            if (buildMinutes != null) {
                image.put("BuildMinutes", buildMinutes);
            }
            if (waited) {
                image.put("QuotaWaitSeconds", (double) result.quotaWaitSeconds());
            }
            image.put("image", result.image());
            image.put("account", result.account());
            image.put("region", result.region());
            image.put("outcome", result.outcome().name());
            image.put("execution", request.executionName());
            events.add(JsonValues.shown(image));
        }
        return events;
    }

    /** An event's fields in the order written, beginning with its metric directive. */
    private Map<String, Object> event(Instant now, List<String> dimensions, String... namesAndUnits) {
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (int i = 0; i < namesAndUnits.length; i += 2) {
            metrics.add(fields("Name", namesAndUnits[i], "Unit", namesAndUnits[i + 1]));
        }
        Map<String, Object> directive = fields("Namespace", namespace, "Dimensions", List.of(dimensions), "Metrics", metrics);
        return fields("_aws", fields("Timestamp", now.toEpochMilli(), "CloudWatchMetrics", List.of(directive)));
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
