package com.eucimageupdater.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.eucimageupdater.model.Service;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublisherTest {
    private final List<RunEvent> put = new ArrayList<>();
    private final List<LineageParameter> written = new ArrayList<>();

    private static RunEvent event(String source) {
        return new RunEvent(DetailType.IMAGE_UPDATED, RunEvent.Detail.of("123456789012", "us-east-1", Service.APPSTREAM, source,
                source + "-2026-11-10", null, "monthly-2026-11"));
    }

    private static final LineageParameter PARAMETER = new LineageParameter("/euc-image-updater/123456789012/us-east-1/appstream/Base",
            "Base-2026-11-10", "why");

    /** A bus that refuses every event whose source is "refused", as PutEvents answers a refused entry. */
    private final EventBus bus = events -> events.stream().peek(put::add).map(event -> event.detail().source().equals("refused")
            ? EventBus.Delivery.refused(event, "ThrottlingException", "Rate exceeded") : EventBus.Delivery.published(event, "id")).toList();
    private final LineageParameters parameters = parameter -> {
        written.add(parameter);
        return LineageParameters.Written.version(parameter, 4);
    };

    @Test
    void aReportOnlyRunCallsNothingAndSaysWhatItWouldPublishAndWrite() {
        Publication publication = new Publisher(bus, parameters).publish(new RunEvents.Planned(List.of(event("Base"), event("Dev")),
                List.of(PARAMETER), List.of()), true);

        assertEquals(List.of(), put);
        assertEquals(List.of(), written);
        assertEquals(new Publication(true, Map.of("Image Updated", 2), List.of(PARAMETER.name() + " = Base-2026-11-10"), 0, List.of(), 0),
                publication);
    }

    @Test
    void eachRefusedEventIsListedWithItsErrorAndOnlyTheOthersAreCountedAsPublished() {
        Publication publication = new Publisher(bus, parameters).publish(new RunEvents.Planned(List.of(event("Base"), event("refused")),
                List.of(PARAMETER), List.of("parameter for x not written: lineage")), false);

        assertEquals(Map.of("Image Updated", 1), publication.events());
        assertEquals(List.of(PARAMETER.name() + " = Base-2026-11-10 (version 4)"), publication.parameters());
        assertEquals(List.of("parameter for x not written: lineage", "event Image Updated for refused -> refused-2026-11-10 (APPSTREAM,"
                + " 123456789012, us-east-1) not published: ThrottlingException: Rate exceeded"), publication.failures());
    }

    @Test
    void aThousandRefusalsListTheFirstTwentyAndCountTheRest() {
        Publication publication = new Publisher(bus, parameters).publish(new RunEvents.Planned(Collections.nCopies(1000, event("refused")),
                List.of(), List.of()), false);

        assertEquals(Publisher.LISTED, publication.failures().size());
        assertEquals(1000 - Publisher.LISTED, publication.moreFailures());
        assertEquals(Map.of(), publication.events());
    }
}
