package com.eucimageupdater.publish;

import java.util.List;

/** The deployment's default event bus, in its own account and Region: the publish steps' port. */
public interface EventBus {
    /**
     * Puts every event, in order, and says what the bus answered for each: a batch the bus refused whole, or an entry it
     * refused alone (PutEvents' FailedEntryCount), comes back as that event's error, never as an exception.
     */
    List<Delivery> put(List<RunEvent> events);

    /** One event and the bus's answer: its id, or the error code and message it was refused with. */
    record Delivery(RunEvent event, String eventId, String errorCode, String errorMessage) {
        public static Delivery published(RunEvent event, String eventId) {
            return new Delivery(event, eventId, null, null);
        }

        public static Delivery refused(RunEvent event, String errorCode, String errorMessage) {
            return new Delivery(event, null, errorCode, errorMessage);
        }

        public boolean isPublished() {
            return errorCode == null;
        }

        /** Why it was not published, as the mail says it. */
        public String failure() {
            return "event " + event.describe() + " not published: " + errorCode + (errorMessage == null ? "" : ": " + errorMessage);
        }
    }
}
