package com.eucimageupdater.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What one publish step told other systems, as AWS answered, for the mail: small, so that it fits in the run's data
 * whatever the number of images (each list keeps its first {@value Publisher#LISTED} lines and counts the rest).
 *
 * @param reportOnly a report-only run: nothing was published; {@code events} and {@code parameters} say what would be
 * @param events how many events of each detail-type the bus took (or would take)
 * @param parameters each parameter written, {@code <name> = <value> (version <n>)}, or that would be
 * @param failures each event the bus refused and each parameter not written, with AWS's error code and message
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Publication(boolean reportOnly, Map<String, Integer> events, List<String> parameters, int moreParameters,
        List<String> failures, int moreFailures) {

    public Publication {
        events = events == null ? Map.of() : Map.copyOf(events);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        failures = failures == null ? List.of() : List.copyOf(failures);
    }
}
