package com.eucimageupdater.aws;

import static com.eucimageupdater.aws.AppStreamImages.named;
import static com.eucimageupdater.aws.AppStreamImages.status;

import com.eucimageupdater.build.QuotaReachedException;
import com.eucimageupdater.build.QuotaWait;
import com.eucimageupdater.distribute.Distribution;
import com.eucimageupdater.distribute.Distributor;
import com.eucimageupdater.drift.SurveyPort;
import com.eucimageupdater.model.AppStreamRules;
import com.eucimageupdater.model.FailureStreak;
import com.eucimageupdater.model.ImageJob;
import com.eucimageupdater.model.ImageNames;
import com.eucimageupdater.model.ImageStatus;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.PipelineImage;
import com.eucimageupdater.model.PipelineTags;
import com.eucimageupdater.model.RetryableAwsException;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.StartedImage;
import com.eucimageupdater.model.Target;
import com.eucimageupdater.model.UpdateCheck;
import com.eucimageupdater.retire.RetentionPolicy;
import com.eucimageupdater.validate.CheckResult;
import com.eucimageupdater.validate.StreamingSessions;
import com.eucimageupdater.validate.TargetHealth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.appstream.model.ComputeCapacityStatus;
import software.amazon.awssdk.services.appstream.model.CreateStreamingUrlResponse;
import software.amazon.awssdk.services.appstream.model.CreateUpdatedImageResponse;
import software.amazon.awssdk.services.appstream.model.DescribeFleetsResponse;
import software.amazon.awssdk.services.appstream.model.DescribeImageBuildersResponse;
import software.amazon.awssdk.services.appstream.model.Fleet;
import software.amazon.awssdk.services.appstream.model.FleetState;
import software.amazon.awssdk.services.appstream.model.FleetType;
import software.amazon.awssdk.services.appstream.model.Image;
import software.amazon.awssdk.services.appstream.model.LimitExceededException;
import software.amazon.awssdk.services.appstream.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.appstream.model.ResourceNotFoundException;
import software.amazon.awssdk.services.appstream.model.SharedImagePermissions;
import software.amazon.awssdk.services.appstream.model.VisibilityType;

/** AppStream 2.0 (WorkSpaces Applications): images are named, and CreateUpdatedImage with dryRun is the check. */
public final class AppStreamImageService implements ServiceAdapter, StreamingSessions {
    /** The shortest useful life for a URL nobody opens: the gate only asks whether AWS hands one out. */
    private static final long STREAMING_URL_SECONDS = 60;
    private final AppStreamClient appStream;
    private final AppStreamImages images;

    public AppStreamImageService(AppStreamClient appStream) {
        this.appStream = appStream;
        this.images = new AppStreamImages(appStream);
    }

    @Override
    public SurveyPort survey() {
        return new AppStreamSurvey(appStream, images);
    }

    @Override
    public UpdateCheck checkForUpdate(ImageJob job) {
        Image source = images.find(job.image())
                .orElseThrow(() -> new ImageUpdateException("AppStream image \"" + job.image() + "\" does not exist in this"
                        + " account and Region, or is shared with it (check the name and the Region; only images this"
                        + " account owns can be updated)"));
        requireUpdatable(source);
        String newName = ImageNames.newImageName(Service.APPSTREAM, source.name(), job.runDate());
        String description = job.description() != null
                ? ImageNames.withRunDate(job.description(), job.runDate(), AppStreamRules.DESCRIPTION_MAX)
                : ImageNames.defaultDescription(source.name(), job.runDate());
        String displayName = job.displayName() != null
                ? ImageNames.withRunDate(job.displayName(), job.runDate(), AppStreamRules.DISPLAY_NAME_MAX)
                : ImageNames.defaultDisplayName(source.displayName() != null ? source.displayName() : source.name(), job.runDate());
        Optional<CreateUpdatedImageResponse> answer = images.dryRun(job.image(), newName);
        boolean updateAvailable = answer.map(dryRun -> Boolean.TRUE.equals(dryRun.canUpdateImage())).orElse(true);
        String detail = !updateAvailable ? "already has the latest updates"
                : answer.map(AppStreamImageService::updateDetail).orElse("today's updated image " + newName + " exists already"
                        + " (CreateUpdatedImage dry run: ResourceAlreadyExistsException)");
        Map<String, String> sourceTags = images.tagsOf(source.arn());
        return new UpdateCheck(updateAvailable, source.name(), detail, newName, description, displayName,
                PipelineTags.lineageOf(source.name(), sourceTags), PipelineTags.buildMinutesOf(sourceTags));
    }

    /**
     * What the dry run says of the update, for the approval mail: AppStream names no patches, so its answer's image is what
     * there is to tell (platform, agent, base image, description).
     */
    static String updateDetail(CreateUpdatedImageResponse dryRun) {
        StringBuilder detail = new StringBuilder("updates available (CreateUpdatedImage dry run: canUpdateImage true)");
        Image image = dryRun.image();
        if (image == null) {
            return detail.toString();
        }
        if (image.platform() != null) {
            detail.append("; platform ").append(image.platformAsString());
        }
        if (image.appstreamAgentVersion() != null) {
            String latest = image.latestAppstreamAgentVersionAsString();
            detail.append("; agent ").append(image.appstreamAgentVersion())
                    .append("TRUE".equals(latest) ? " (the latest)" : "FALSE".equals(latest) ? " (not the latest)" : "");
        }
        if (image.publicBaseImageReleasedDate() != null) {
            detail.append("; base image released ").append(image.publicBaseImageReleasedDate().toString(), 0, 10);
        }
        if (image.description() != null && !image.description().isBlank()) {
            detail.append("; \"").append(image.description()).append('"');
        }
        return detail.toString();
    }

    @Override
    public StartedImage startUpdate(ImageJob job) {
        UpdateCheck check = job.requireCheck();
        String newName = check.newImageName();
        int quotaWaited = QuotaWait.waitedSoFar(job);
        Optional<Image> existing = images.find(newName);
        if (existing.isPresent()) {
            return adopt(job, existing.get(), quotaWaited);
        }
        return QuotaWait.create(job, () -> create(job, quotaWaited), () -> images.firstPrivate(image -> ImageNames.isBuildingForRun(
                image.name(), job.runDate(), status(image).state())).isPresent());
    }

    private StartedImage create(ImageJob job, int quotaWaited) throws QuotaReachedException {
        UpdateCheck check = job.requireCheck();
        String newName = check.newImageName();
        String what = "CreateUpdatedImage from \"" + job.image() + "\" to \"" + newName + "\"";
        try {
            // With dryRun=false the answer need not say canUpdateImage again: the new image is the answer.
            CreateUpdatedImageResponse response = appStream.createUpdatedImage(r -> r.existingImageName(job.image())
                    .newImageName(newName)
                    .newImageDescription(check.newImageDescription())
                    .newImageDisplayName(check.newImageDisplayName())
                    .newImageTags(PipelineTags.forNewImage(job))
                    .dryRun(false));
            if (response.image() == null) {
                throw new ImageUpdateException("AppStream no longer offers an update for \"" + job.image()
                        + "\" (it did at the check); nothing was created");
            }
            return StartedImage.created(response.image().name(), response.image().name(), quotaWaited);
        } catch (LimitExceededException quota) {
            throw AwsErrors.quotaReached(what, quota);
        } catch (ResourceAlreadyExistsException raced) {
            // A concurrent execution created it between our lookup and our create; DescribeImages may not show it yet.
            return adopt(job, images.find(newName).orElseThrow(() -> AwsErrors.notVisibleYet("AppStream image \"" + newName + "\"")),
                    quotaWaited);
        } catch (SdkException e) {
            throw AwsErrors.translate(what, e);
        }
    }

    private StartedImage adopt(ImageJob job, Image existing, int quotaWaited) {
        return PipelineTags.adopt("AppStream image \"" + existing.name() + "\"", images.read(existing), job, quotaWaited);
    }

    @Override
    public ImageStatus describeUpdatedImage(String newImage) {
        return status(images.find(newImage)
                .orElseThrow(() -> new ImageUpdateException("the updated AppStream image \"" + newImage
                        + "\" has disappeared (deleted while it was being built?)")));
    }

    private static void requireUpdatable(Image source) {
        if (source.visibility() != VisibilityType.PRIVATE) {
            throw new ImageUpdateException("AppStream image \"" + source.name() + "\" is " + source.visibilityAsString()
                    + " (an AWS base image or one shared with this account); only images this account owns can be updated"
                    + " (create an image from it first)");
        }
        if (!"AVAILABLE".equals(source.stateAsString())) {
            throw new ImageUpdateException("AppStream image \"" + source.name() + "\" is " + source.stateAsString()
                    + "; only AVAILABLE images can be updated");
        }
    }

    @Override
    public Target describeTarget(String target, String account) {
        Fleet fleet = fleet(target).orElseThrow(() -> new ImageUpdateException("AppStream fleet \"" + target + "\" does not exist in"
                + " this account and Region (check the name and the Region)"));
        return new Target(fleet.name(), fleet.imageName(), fleet.platformAsString(), fleet.stateAsString(), fleet.fleetTypeAsString(),
                true, 0);
    }

    @Override
    public String refusal(Target fleet, String image) {
        if (FleetType.ELASTIC.toString().equals(fleet.type()) || image == null) {
            return "AppStream fleet \"" + fleet.name() + "\" is an Elastic fleet: it runs app blocks, not an image; remove it from the"
                    + " roll-out";
        }
        String platform = images.find(image).map(Image::platformAsString).orElse(null);
        if (platform != null && !platform.equals(fleet.platform()) && !FleetState.STOPPED.toString().equals(fleet.state())) {
            return "AppStream fleet \"" + fleet.name() + "\" runs " + fleet.platform() + " and is " + fleet.state() + ", and \"" + image
                    + "\" is " + platform + ": a fleet changes platform only while STOPPED; stop it first or remove it from the roll-out";
        }
        return null;
    }

    /**
     * A running fleet takes the new image without interrupting sessions: idle instances are replaced at once, busy
     * ones when their session ends.
     */
    @Override
    public boolean moveTarget(Target fleet, String image) {
        if (image.equals(fleet.image())) {
            return false;
        }
        AwsErrors.call("UpdateFleet " + fleet.name() + " to \"" + image + "\"",
                () -> appStream.updateFleet(r -> r.name(fleet.name()).imageName(image)));
        return true;
    }

    @Override
    public Map<String, String> recordPrevious(String image, Map<String, String> previousByTarget, String rolledOutBy) {
        Image tagged = images.existing(image);
        Map<String, String> existing = images.tagsOf(tagged.arn());
        Map<String, String> tags = PipelineTags.rolloutRecord(existing, previousByTarget, rolledOutBy);
        if (!tags.isEmpty()) {
            images.tag(tagged.arn(), tags);
        }
        return PipelineTags.recordedPrevious(existing, previousByTarget);
    }

    /**
     * CopyImage runs here, in the new image's Region, and copies no tags: the copy is tagged in the destination right
     * after. A copy whose tagging was cut short has no tags at all, but the description CopyImage gave it.
     */
    @Override
    public Distribution.Copy copyToRegion(ImageJob job, String region, Distributor destination) {
        AppStreamImageService there = (AppStreamImageService) destination;
        Image image = images.existing(job.newImage());
        Map<String, String> tags = PipelineTags.forCopy(images.tagsOf(image.arn()), job);
        Optional<Image> existing = there.images.find(image.name());
        if (existing.isPresent()) {
            return there.found(existing.get(), image, tags, region);
        }
        try {
            appStream.copyImage(r -> r.sourceImageName(image.name()).destinationImageName(image.name()).destinationRegion(region)
                    .destinationImageDescription(image.description()));
        } catch (ResourceAlreadyExistsException earlier) {
            // An earlier attempt's copy whose answer was lost, a concurrent run's, or another image; the destination may not show it yet.
            return there.found(there.images.find(image.name()).orElseThrow(() -> AwsErrors.notVisibleYet("AppStream image \""
                    + image.name() + "\" in " + region)), image, tags, region);
        } catch (SdkException e) {
            throw AwsErrors.translate("CopyImage of \"" + image.name() + "\" to " + region, e);
        }
        there.tagCopy(inRegion(image.arn(), region), tags);
        return Distribution.Copy.copied(region, image.name());
    }

    private Distribution.Copy found(Image found, Image image, Map<String, String> tags, String region) {
        PipelineImage copy = images.read(found);
        if (PipelineTags.untagged(copy.tags()) && Objects.equals(found.description(), image.description())) {
            tagCopy(found.arn(), tags);
            return Distribution.Copy.alreadyCopied(region, found.name(), null, copy.status().state());
        }
        return PipelineTags.foundCopy("AppStream image \"" + found.name() + "\"", found.name(), region, copy.tags(), copy.status(), tags);
    }

    private void tagCopy(String arn, Map<String, String> tags) {
        try {
            appStream.tagResource(r -> r.resourceArn(arn).tags(tags));
        } catch (ResourceNotFoundException justCopied) {
            throw AwsErrors.notVisibleYet("the copy " + arn);
        } catch (SdkException e) {
            throw AwsErrors.translate("TagResource " + arn, e);
        }
    }

    /** The same image's ARN in another Region of its account and partition. */
    private static String inRegion(String arn, String region) {
        String[] parts = arn.split(":", 6);
        parts[3] = region;
        return String.join(":", parts);
    }

    /** Fleets and image builders of each account may use it; it stays in this Region. */
    @Override
    public List<Distribution.Share> shareWith(String newImage, List<String> accounts) {
        Set<String> sharedAlike = images.permissions(newImage).stream()
                .filter(shared -> Boolean.TRUE.equals(shared.imagePermissions().allowFleet())
                        && Boolean.TRUE.equals(shared.imagePermissions().allowImageBuilder()))
                .map(SharedImagePermissions::sharedAccountId).collect(Collectors.toSet());
        return Distribution.Share.each(accounts, sharedAlike, account -> AwsErrors.call("UpdateImagePermissions sharing \"" + newImage
                + "\" with account " + account, () -> appStream.updateImagePermissions(r -> r.name(newImage).sharedAccountId(account)
                        .imagePermissions(p -> p.allowFleet(true).allowImageBuilder(true)))));
    }

    @Override
    public FailureStreak streakOf(String source) {
        return FailureStreak.of(images.tagsOf(images.existing(source).arn()));
    }

    @Override
    public void record(String source, FailureStreak streak) {
        images.tag(images.existing(source).arn(), Map.of(PipelineTags.FAILED_MONTHS, streak.tagValue()));
    }

    @Override
    public void recordBuildMinutes(String newImage, int minutes) {
        images.tag(images.existing(newImage).arn(), Map.of(PipelineTags.BUILD_MINUTES, String.valueOf(minutes)));
    }

    @Override
    public List<PipelineImage> imagesOfRun(String executionName) {
        return images.privateImages().stream().map(images::read).filter(image -> PipelineTags.ofRun(image.tags(), executionName)).toList();
    }

    @Override
    public List<RetentionPolicy.Decision> retire(String lineage, RetentionPolicy.Keep keep, Set<String> spare, Set<String> previous,
            boolean apply) {
        Map<String, String> inUse = new HashMap<>();
        AwsErrors.pages("DescribeFleets", token -> appStream.describeFleets(r -> r.nextToken(token)), DescribeFleetsResponse::fleets,
                        DescribeFleetsResponse::nextToken)
                .stream().filter(fleet -> fleet.imageName() != null)
                .forEach(fleet -> inUse.putIfAbsent(fleet.imageName(), "fleet " + fleet.name()));
        AwsErrors.pages("DescribeImageBuilders", token -> appStream.describeImageBuilders(r -> r.nextToken(token)),
                        DescribeImageBuildersResponse::imageBuilders, DescribeImageBuildersResponse::nextToken)
                .stream().filter(builder -> builder.imageArn() != null)
                .forEach(builder -> inUse.putIfAbsent(builder.imageArn().substring(builder.imageArn().lastIndexOf('/') + 1),
                        "image builder " + builder.name()));
        List<RetentionPolicy.LineageImage> members = images.privateImages().stream()
                .flatMap(image -> RetentionPolicy.member(image.name(), image.name(), image.stateAsString(), images.tagsOf(image.arn()),
                        lineage, inUse.get(image.name()), () -> images.sharedWith(image.name())).stream())
                .toList();
        List<RetentionPolicy.Decision> decisions = RetentionPolicy.decide(members, keep, spare, previous);
        return apply ? RetentionPolicy.apply(decisions, image -> AwsErrors.call("DeleteImage " + image,
                () -> appStream.deleteImage(r -> r.name(image)))) : decisions;
    }

    /** The fleet's image, State, FleetErrors and ComputeCapacityStatus, for the gate after staging. */
    @Override
    public TargetHealth health(String target) {
        Fleet fleet = fleet(target).orElseThrow(() -> new ImageUpdateException("AppStream fleet \"" + target + "\" no longer exists in"
                + " this account and Region (it was staged moments ago)"));
        ComputeCapacityStatus capacity = fleet.computeCapacityStatus();
        return new TargetHealth("fleet", fleet.name(), fleet.imageName(), fleet.stateAsString(), fleet.fleetErrors().stream()
                .map(error -> new TargetHealth.FleetError(error.errorCodeAsString(), error.errorMessage())).toList(),
                capacity == null ? null : new TargetHealth.Capacity(orZero(capacity.desired()), orZero(capacity.running()),
                        orZero(capacity.available())));
    }

    /** A refusal is the check's answer (the stack is not the fleet's, the fleet is not running); throttling and 5xx are retried. */
    @Override
    public CheckResult tryStreaming(String stack, String fleet, String user) {
        String what = "CreateStreamingURL for user " + user + " on stack " + stack + " and fleet " + fleet;
        try {
            CreateStreamingUrlResponse answer = appStream.createStreamingURL(r -> r.stackName(stack).fleetName(fleet).userId(user)
                    .validity(STREAMING_URL_SECONDS));
            return CheckResult.passed("streaming", stack, what + ": a streaming URL was handed out" + (answer.expires() == null ? ""
                    : ", valid until " + answer.expires().truncatedTo(ChronoUnit.SECONDS)));
        } catch (AwsServiceException refused) {
            RuntimeException translated = AwsErrors.translate(what, refused);
            if (translated instanceof RetryableAwsException retry) {
                throw retry;
            }
            return CheckResult.failed("streaming", stack, what + ": refused, " + AwsErrors.errorCode(refused) + ": "
                    + refused.awsErrorDetails().errorMessage());
        } catch (SdkException e) {
            throw AwsErrors.translate(what, e);
        }
    }

    private static int orZero(Integer count) {
        return count == null ? 0 : count;
    }

    private Optional<Fleet> fleet(String name) {
        return named("DescribeFleets " + name,
                () -> appStream.describeFleets(r -> r.names(name)).fleets().stream().findFirst());
    }
}
