package com.eucimageupdater.drift;

import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.lambda.RecordStepHandler;
import com.eucimageupdater.lambda.StepLog;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.Service;
import java.util.List;

/** Surveys the fleets, bundles and pipeline images of one account and Region for the drift report; changes nothing. */
public final class SurveyHandler extends RecordStepHandler<SurveyRequest, PlaceSurvey> {
    private final DriftSurveyor surveyor;

    public SurveyHandler() {
        this(ImageServices.shared());
    }

    public SurveyHandler(ImageServices services) {
        super(services, SurveyRequest.class);
        this.surveyor = new DriftSurveyor(services::survey, services::workspaceTags);
    }

    @Override
    protected PlaceSurvey handle(SurveyRequest request) {
        if (request.place() == null || request.run() == null) {
            throw new IllegalArgumentException("place and run: a survey needs the account and Region, and the run's settings");
        }
        return surveyor.survey(request.place(), request.run().runDate(), request.rows());
    }

    @Override
    protected StepLog logFor(SurveyRequest request) {
        return new StepLog(step(), request.run() == null ? null : request.run().executionName(), null,
                request.place() == null ? null : request.place().toString());
    }

    @Override
    protected String outcome(PlaceSurvey survey) {
        return "SURVEYED " + survey.counts().fleets() + " fleets, " + survey.counts().bundles() + " bundles";
    }

    @Override
    protected String sampleInput() {
        return """
                {"place": {"account": "123456789012", "region": "us-east-1"},
                 "run": {"executionName": "priming", "runDate": "2026-11-10", "account": "123456789012", "region": "us-east-1",
                         "pollIntervalSeconds": 900, "maxPolls": 1, "maxWaitMinutes": 480, "maxWaitText": "",
                         "approval": "required", "approvalTimeoutSeconds": 259200, "dryRun": false, "surveyRows": 100}}""";
    }

    @Override
    protected List<PlaceSurvey> sampleResults(SurveyRequest request) {
        Location place = request.place();
        return List.of(new PlaceSurvey(place.account(), place.region(), new PlaceSurvey.Counts(1, 1, 3, 1, 1, 1, 0, 1),
                List.of(new PlaceSurvey.SurveyedTarget(Service.APPSTREAM, "Base-Prod", "Base-Win2022-2026-10-13", 28, "AVAILABLE",
                                "WINDOWS_SERVER_2022", "2031-10-14", null, null),
                        new PlaceSurvey.SurveyedTarget(Service.WORKSPACES, "wsb-0a1b2c3d4", "wsi-0a1b2c3d4", 90, "NONE", "WINDOWS_10",
                                "2025-10-14", 3, new PlaceSurvey.Rebuilds(1, 1, 1, 0))),
                0, List.of(new PlaceSurvey.UnusedImage(Service.APPSTREAM, "Base-Win2022-2026-09-08", 63)), 0, null));
    }
}
