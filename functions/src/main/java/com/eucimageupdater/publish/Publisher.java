package com.eucimageupdater.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells other systems what a step of the run did: its events onto the bus, its lineages' parameters into Parameter
 * Store, and what AWS answered for each. A refusal never stops the others: the mail names it, and the run counts it as
 * a failure. A report-only run publishes nothing and says what it would.
 */
public final class Publisher {
    /** The lines a publication lists of each kind; the rest are counted. */
    static final int LISTED = 20;

    private final EventBus bus;
    private final LineageParameters parameters;

    public Publisher(EventBus bus, LineageParameters parameters) {
        this.bus = bus;
        this.parameters = parameters;
    }

    public Publication publish(RunEvents.Planned planned, boolean reportOnly) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Lines written = new Lines();
        Lines failures = new Lines();
        planned.problems().forEach(failures::add);
        if (reportOnly) {
            planned.events().forEach(event -> counts.merge(event.type().wire(), 1, Integer::sum));
            planned.parameters().forEach(parameter -> written.add(parameter.name() + " = " + parameter.value()));
            return new Publication(true, counts, written.listed, written.more, failures.listed, failures.more);
        }
        for (EventBus.Delivery delivery : planned.events().isEmpty() ? List.<EventBus.Delivery>of() : bus.put(planned.events())) {
            if (delivery.isPublished()) {
                counts.merge(delivery.event().type().wire(), 1, Integer::sum);
            } else {
                failures.add(delivery.failure());
            }
        }
        for (LineageParameter parameter : planned.parameters()) {
            LineageParameters.Written answer = parameters.write(parameter);
            if (answer.isWritten()) {
                written.add(parameter.name() + " = " + parameter.value() + " (version " + answer.version() + ")");
            } else {
                failures.add("parameter " + parameter.name() + " not written: " + answer.errorCode()
                        + (answer.errorMessage() == null ? "" : ": " + answer.errorMessage()));
            }
        }
        return new Publication(false, counts, written.listed, written.more, failures.listed, failures.more);
    }

    /** The first {@value #LISTED} lines, and how many more. */
    private static final class Lines {
        final List<String> listed = new ArrayList<>();
        int more;

        void add(String line) {
            if (listed.size() < LISTED) {
                listed.add(line);
            } else {
                more++;
            }
        }
    }
}
