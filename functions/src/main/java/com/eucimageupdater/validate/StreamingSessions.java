package com.eucimageupdater.validate;

/** What the gate's streaming check needs of AppStream in one account and Region. */
public interface StreamingSessions {

    /**
     * Asks for a short-lived streaming URL (CreateStreamingURL) and keeps only whether AWS handed one out and what it said:
     * the URL itself is a credential and goes nowhere.
     */
    CheckResult tryStreaming(String stack, String fleet, String user);
}
