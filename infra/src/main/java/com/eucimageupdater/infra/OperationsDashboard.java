package com.eucimageupdater.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

/**
 * One CloudWatch dashboard for the updater: runs and how they ended, image outcomes, build minutes and time
 * waited for quotas (the Report step's embedded-format metrics), and each function's errors, throttles and
 * durations. Runs are monthly, so the graphs sum or average per day over 90 days.
 */
final class OperationsDashboard extends Construct {
    private static final Duration PERIOD = Duration.days(1);
    private static final List<String> SERVICES = List.of("APPSTREAM", "WORKSPACES");

    OperationsDashboard(Construct scope, String id, IStateMachine stateMachine, WorkflowFunctions functions,
            String metricsNamespace) {
        super(scope, id);
        MetricOptions sum = MetricOptions.builder().period(PERIOD).statistic("Sum").build();
        Dashboard dashboard = Dashboard.Builder.create(this, "Dashboard")
                .defaultInterval(Duration.days(90))
                .build();
        dashboard.addWidgets(TextWidget.Builder.create()
                .markdown("## euc-image-updater\nRuns and image outcomes per day; the mail of each run has the details."
                        + " Metrics namespace: `" + metricsNamespace + "`.")
                .width(24).height(2).build());
        dashboard.addWidgets(
                graph("Runs", List.of(stateMachine.metricStarted(sum), stateMachine.metricSucceeded(sum),
                        stateMachine.metricFailed(sum), stateMachine.metricTimedOut(sum))),
                graph("Image outcomes", List.of(runMetric(metricsNamespace, "ImagesUpdated", "Sum"),
                        runMetric(metricsNamespace, "ImagesUpToDate", "Sum"), runMetric(metricsNamespace, "ImagesFailed", "Sum"),
                        runMetric(metricsNamespace, "InputRejected", "Sum"))));
        dashboard.addWidgets(
                graph("Build minutes per image (average, maximum)", perService(metricsNamespace, "BuildMinutes", "Average", "Maximum")),
                graph("Seconds waited for a service quota (sum)", perService(metricsNamespace, "QuotaWaitSeconds", "Sum")));
        dashboard.addWidgets(
                graph("Lambda errors", perFunction(functions, (function, step) -> function.metricErrors(labelled(sum, step)))),
                graph("Lambda throttles", perFunction(functions, (function, step) -> function.metricThrottles(labelled(sum, step)))));
        dashboard.addWidgets(
                graph("Lambda duration p50 (ms)", perFunction(functions, (function, step) -> function.metricDuration(
                        MetricOptions.builder().period(PERIOD).statistic("p50").label(step).build()))),
                graph("Lambda duration max (ms)", perFunction(functions, (function, step) -> function.metricDuration(
                        MetricOptions.builder().period(PERIOD).statistic("Maximum").label(step).build()))));
    }

    private static GraphWidget graph(String title, List<? extends IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(List.copyOf(metrics)).width(12).height(6).build();
    }

    private static Metric runMetric(String namespace, String name, String statistic) {
        return Metric.Builder.create().namespace(namespace).metricName(name).statistic(statistic).period(PERIOD).build();
    }

    private static List<IMetric> perService(String namespace, String name, String... statistics) {
        List<IMetric> metrics = new ArrayList<>();
        for (String service : SERVICES) {
            for (String statistic : statistics) {
                metrics.add(Metric.Builder.create().namespace(namespace).metricName(name).statistic(statistic).period(PERIOD)
                        .dimensionsMap(Map.of("Service", service)).label(service + " " + statistic.toLowerCase()).build());
            }
        }
        return metrics;
    }

    /** Each step's function as a whole (all versions), labelled by step. */
    private static List<IMetric> perFunction(WorkflowFunctions functions, BiFunction<IFunction, String, IMetric> metric) {
        List<IMetric> metrics = new ArrayList<>();
        functions.byStep().forEach((step, alias) -> metrics.add(metric.apply(alias.getVersion().getLambda(), step.stepName())));
        return metrics;
    }

    private static MetricOptions labelled(MetricOptions options, String label) {
        return MetricOptions.builder().period(options.getPeriod()).statistic(options.getStatistic()).label(label).build();
    }
}
