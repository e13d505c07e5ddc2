package com.eucimageupdater.publish;

import com.eucimageupdater.aws.Publishing;
import com.eucimageupdater.lambda.RunStepHandler;
import com.eucimageupdater.lambda.StepLog;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Tells other systems what the run did at one point of the workflow: its events on the deployment's default bus, and
 * each lineage's production image in Parameter Store. Never fails the run for a refusal: the answer lists it for the mail.
 */
public final class PublishHandler extends RunStepHandler<PublishRequest, Publication> {
    private final Publisher publisher;

    public PublishHandler() {
        this(Publishing.fromEnvironment());
    }

    public PublishHandler(Publisher publisher) {
        super(PublishRequest.class);
        this.publisher = publisher;
    }

    @Override
    protected Publication handle(PublishRequest request) {
        return publisher.publish(RunEvents.of(request), request.run().dryRun());
    }

    @Override
    protected StepLog logFor(PublishRequest request) {
        return new StepLog(step(), request.run() == null ? null : request.run().executionName(), null, null);
    }

    @Override
    protected String outcome(Publication publication) {
        int failures = publication.failures().size() + publication.moreFailures();
        return (publication.reportOnly() ? "WOULD PUBLISH " : "PUBLISHED ") + publication.events().values().stream()
                .mapToInt(Integer::intValue).sum() + " EVENTS, " + (publication.parameters().size() + publication.moreParameters())
                + " PARAMETERS" + (failures > 0 ? ", " + failures + " FAILED" : "");
    }

    /** A roll-out's events and parameter through clients that answer from memory: the SDK's path runs once, AWS is not called. */
    @Override
    protected void prime() throws IOException {
        try (Publishing.Primed primed = Publishing.primed()) {
            write(OutputStream.nullOutputStream(), primed.publisher().publish(RunEvents.of(readSample()), false));
        }
    }

    @Override
    protected String sampleInput() {
        return """
                {"run": {"executionName": "priming", "runDate": "2026-11-10", "account": "123456789012", "region": "us-east-1",
                         "dryRun": false},
                 "builds": [{"account": "123456789012", "region": "us-east-1", "results": [{"service": "APPSTREAM",
                   "image": "Base-Win2022", "outcome": "UPDATED", "newImage": "Base-Win2022-2026-11-10"}]}],
                 "production": [{"service": "APPSTREAM", "account": "123456789012", "region": "us-east-1", "source": "Base-Win2022",
                   "newImage": "Base-Win2022-2026-11-10", "newImageName": "Base-Win2022-2026-11-10", "targets": ["Base-Prod"],
                   "lineage": "Base-Win2022", "keep": 3}],
                 "results": [{"outcome": "ROLLED_OUT", "moved": [{"target": "Base-Prod", "previous": "Base-Win2022"}]}]}""";
    }
}
