package com.eucimageupdater.aws;

import com.eucimageupdater.publish.DetailType;
import com.eucimageupdater.publish.EventBus;
import com.eucimageupdater.publish.RunEvent;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * The default event bus of the client's account and Region (entries name no bus: PutEvents then takes the default one).
 * Events go at most {@value #MAX_ENTRIES} a call, PutEvents' limit; the bus's answer is read entry by entry, since a
 * refused entry comes back in the answer (FailedEntryCount, and its ErrorCode and ErrorMessage), not as an exception.
 */
public final class EventBridgeBus implements EventBus {
    /** PutEvents takes at most 10 entries a call (the model's PutEventsRequestEntryList). */
    static final int MAX_ENTRIES = 10;

    private final EventBridgeClient events;

    public EventBridgeBus(EventBridgeClient events) {
        this.events = events;
    }

    @Override
    public List<Delivery> put(List<RunEvent> runEvents) {
        List<Delivery> deliveries = new ArrayList<>();
        for (int from = 0; from < runEvents.size(); from += MAX_ENTRIES) {
            deliveries.addAll(putBatch(runEvents.subList(from, Math.min(from + MAX_ENTRIES, runEvents.size()))));
        }
        return deliveries;
    }

    private List<Delivery> putBatch(List<RunEvent> batch) {
        List<PutEventsRequestEntry> entries = batch.stream().map(event -> PutEventsRequestEntry.builder()
                .source(DetailType.SOURCE).detailType(event.type().wire()).detail(event.detailJson()).build()).toList();
        PutEventsResponse answer;
        try {
            answer = events.putEvents(request -> request.entries(entries));
        } catch (AwsServiceException refused) {
            // The whole call refused, after the SDK's own retries: each event of the batch says why.
            return batch.stream().map(event -> Delivery.refused(event, refused.awsErrorDetails().errorCode(),
                    refused.awsErrorDetails().errorMessage())).toList();
        } catch (SdkException unreachable) {
            return batch.stream().map(event -> Delivery.refused(event, unreachable.getClass().getSimpleName(), unreachable.getMessage()))
                    .toList();
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            // The answer's entries are in the request's order, one each.
            PutEventsResultEntry result = i < answer.entries().size() ? answer.entries().get(i) : null;
            if (result != null && result.errorCode() != null) {
                deliveries.add(Delivery.refused(batch.get(i), result.errorCode(), result.errorMessage()));
            } else if (result == null || result.eventId() == null) {
                // Never said to have gone out without the id EventBridge gives every event it takes.
                deliveries.add(Delivery.refused(batch.get(i), "NoEventId", "the bus's answer gives this event no id"));
            } else {
                deliveries.add(Delivery.published(batch.get(i), result.eventId()));
            }
        }
        return deliveries;
    }
}
