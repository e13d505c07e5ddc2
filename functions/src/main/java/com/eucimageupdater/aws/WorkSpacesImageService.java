package com.eucimageupdater.aws;

import static com.eucimageupdater.aws.WorkSpacesImages.named;
import static com.eucimageupdater.aws.WorkSpacesImages.status;
import static com.eucimageupdater.aws.WorkSpacesImages.toTags;

import com.eucimageupdater.build.QuotaReachedException;
import com.eucimageupdater.build.QuotaWait;
import com.eucimageupdater.distribute.Distribution;
import com.eucimageupdater.distribute.Distributor;
import com.eucimageupdater.drift.SurveyPort;
import com.eucimageupdater.drift.WorkspaceTags;
import com.eucimageupdater.model.FailureStreak;
import com.eucimageupdater.model.ImageJob;
import com.eucimageupdater.model.ImageNames;
import com.eucimageupdater.model.ImageStatus;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.PipelineImage;
import com.eucimageupdater.model.PipelineTags;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.StartedImage;
import com.eucimageupdater.model.Target;
import com.eucimageupdater.model.UpdateCheck;
import com.eucimageupdater.model.WorkSpacesRules;
import com.eucimageupdater.retire.RetentionPolicy;
import com.eucimageupdater.validate.CanaryWorkspaces;
import com.eucimageupdater.validate.TargetHealth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;
import software.amazon.awssdk.services.workspaces.model.DescribeWorkspaceBundlesResponse;
import software.amazon.awssdk.services.workspaces.model.DescribeWorkspacesResponse;
import software.amazon.awssdk.services.workspaces.model.OperatingSystemType;
import software.amazon.awssdk.services.workspaces.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.workspaces.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.workspaces.model.Tag;
import software.amazon.awssdk.services.workspaces.model.WorkspaceBundle;
import software.amazon.awssdk.services.workspaces.model.Workspace;
import software.amazon.awssdk.services.workspaces.model.WorkspaceConnectionStatus;
import software.amazon.awssdk.services.workspaces.model.WorkspaceImage;

/** WorkSpaces: images are ids; DescribeWorkspaceImages says per image whether updates are available. */
public final class WorkSpacesImageService implements ServiceAdapter, CanaryWorkspaces, WorkspaceTags {
    private final WorkSpacesClient workSpaces;
    private final WorkSpacesImages images;

    public WorkSpacesImageService(WorkSpacesClient workSpaces) {
        this.workSpaces = workSpaces;
        this.images = new WorkSpacesImages(workSpaces);
    }

    @Override
    public SurveyPort survey() {
        return new WorkSpacesSurvey(workSpaces, images);
    }

    /** The rebuild's port over the same client, built when the rebuild step asks: no other step loads it. */
    WorkSpacesRebuilds rebuilds() {
        return new WorkSpacesRebuilds(workSpaces);
    }

    /** DescribeTags answers for a WorkSpace id as for an image's. */
    @Override
    public Map<String, String> tagsOfWorkspace(String workspaceId) {
        return images.tagsOf(workspaceId);
    }

    @Override
    public UpdateCheck checkForUpdate(ImageJob job) {
        WorkspaceImage source = images.describe(job.image())
                .orElseThrow(() -> new ImageUpdateException("WorkSpaces image " + job.image()
                        + " does not exist in this account and Region (check the id and the Region)"));
        requireUpdatable(source, job);
        boolean updateAvailable = source.updates() != null && Boolean.TRUE.equals(source.updates().updateAvailable());
        String detail = updateAvailable
                ? Optional.ofNullable(source.updates().description()).orElse("WorkSpaces has updates for this image")
                : "already has the latest updates";
        String newName = ImageNames.newImageName(Service.WORKSPACES, source.name(), job.runDate());
        String description = job.description() != null
                ? ImageNames.withRunDate(job.description(), job.runDate(), WorkSpacesRules.DESCRIPTION_MAX)
                : ImageNames.defaultDescription(job.image(), job.runDate());
        Map<String, String> sourceTags = images.tagsOf(job.image());
        return new UpdateCheck(updateAvailable, source.name(), detail, newName, description, null,
                PipelineTags.lineageOf(job.image(), sourceTags), PipelineTags.buildMinutesOf(sourceTags));
    }

    /** What CreateUpdatedWorkspaceImage would refuse, refused before it is tried, with a reason the admin can act on. */
    private static void requireUpdatable(WorkspaceImage source, ImageJob job) {
        String owner = source.ownerAccountId();
        if (owner != null && !owner.equals(job.location().account())) {
            throw new ImageUpdateException("WorkSpaces image " + job.image() + " belongs to account " + owner + " and is shared with"
                    + " this account (" + job.location().account() + "); only the account that owns an image can update it: run the"
                    + " update in account " + owner + ", or copy the image into this account (CopyWorkspaceImage) and list the copy");
        }
        OperatingSystemType platform = source.operatingSystem() == null ? null : source.operatingSystem().type();
        if (platform != null && platform != OperatingSystemType.WINDOWS) {
            throw new ImageUpdateException("WorkSpaces image " + job.image() + " runs " + source.operatingSystem().typeAsString()
                    + "; CreateUpdatedWorkspaceImage updates only Windows images (Windows 10, Windows Server 2016 and 2019)");
        }
        if (!"AVAILABLE".equals(source.stateAsString())) {
            throw new ImageUpdateException("WorkSpaces image " + job.image() + " is " + source.stateAsString()
                    + "; only AVAILABLE images can be updated");
        }
    }

    @Override
    public StartedImage startUpdate(ImageJob job) {
        UpdateCheck check = job.requireCheck();
        String newName = check.newImageName();
        int quotaWaited = QuotaWait.waitedSoFar(job);
        Optional<WorkspaceImage> existing = images.firstOwned(named(newName));
        if (existing.isPresent()) {
            return adopt(job, existing.get(), quotaWaited);
        }
        return QuotaWait.create(job, () -> create(job, quotaWaited), () -> images.firstOwned(image -> ImageNames.isBuildingForRun(
                image.name(), job.runDate(), status(image).state())).isPresent());
    }

    private StartedImage create(ImageJob job, int quotaWaited) throws QuotaReachedException {
        String newName = job.requireCheck().newImageName();
        String what = "CreateUpdatedWorkspaceImage from " + job.image() + " to \"" + newName + "\"";
        List<Tag> tags = toTags(PipelineTags.forNewImage(job));
        try {
            String imageId = workSpaces.createUpdatedWorkspaceImage(r -> r.sourceImageId(job.image())
                            .name(newName)
                            .description(job.requireCheck().newImageDescription())
                            .tags(tags))
                    .imageId();
            return StartedImage.created(imageId, newName, quotaWaited);
        } catch (ResourceLimitExceededException quota) {
            throw AwsErrors.quotaReached(what, quota);
        } catch (ResourceAlreadyExistsException raced) {
            // A concurrent execution created it between our lookup and our create; the listing may not show it yet.
            return adopt(job, images.firstOwned(named(newName))
                    .orElseThrow(() -> AwsErrors.notVisibleYet("WorkSpaces image \"" + newName + "\"")), quotaWaited);
        } catch (SdkException e) {
            throw AwsErrors.translate(what, e);
        }
    }

    private StartedImage adopt(ImageJob job, WorkspaceImage existing, int quotaWaited) {
        return PipelineTags.adopt("WorkSpaces image \"" + existing.name() + "\" (" + existing.imageId() + ")", images.read(existing), job,
                quotaWaited);
    }

    @Override
    public ImageStatus describeUpdatedImage(String newImage) {
        return status(images.describe(newImage)
                .orElseThrow(() -> new ImageUpdateException("the updated WorkSpaces image " + newImage
                        + " has disappeared (deleted while it was being built?)")));
    }

    @Override
    public Target describeTarget(String target, String account) {
        WorkspaceBundle bundle = bundle(target);
        int users = AwsErrors.pages("DescribeWorkspaces " + target,
                token -> workSpaces.describeWorkspaces(r -> r.bundleId(target).nextToken(token)),
                DescribeWorkspacesResponse::workspaces, DescribeWorkspacesResponse::nextToken).size();
        return new Target(bundle.bundleId(), bundle.imageId(), null, null, bundle.owner(),
                account != null && account.equals(bundle.owner()), users);
    }

    /** A bundle has no state to wait for but the image it points at, which the gate checks. */
    @Override
    public TargetHealth health(String target) {
        WorkspaceBundle bundle = bundle(target);
        return new TargetHealth("bundle", bundle.bundleId(), bundle.imageId(), bundle.stateAsString(), List.of(), null);
    }

    @Override
    public String bundleOfWorkspace(String workspaceId) {
        return workspace(workspaceId).map(Workspace::bundleId).orElse(null);
    }

    @Override
    public Canary describe(String workspaceId) {
        Workspace workspace = workspace(workspaceId).orElseThrow(() -> new ImageUpdateException("canary WorkSpace " + workspaceId
                + " no longer exists in this account and Region"));
        String connection = AwsErrors.call("DescribeWorkspacesConnectionStatus " + workspaceId,
                () -> workSpaces.describeWorkspacesConnectionStatus(r -> r.workspaceIds(workspaceId)).workspacesConnectionStatus())
                .stream().findFirst().map(WorkspaceConnectionStatus::connectionStateAsString).orElse("UNKNOWN");
        return new Canary(workspaceId, workspace.bundleId(), workspace.stateAsString(), connection);
    }

    @Override
    public String rebuild(String workspaceId) {
        return AwsErrors.call("RebuildWorkspaces " + workspaceId,
                () -> workSpaces.rebuildWorkspaces(r -> r.rebuildWorkspaceRequests(request -> request.workspaceId(workspaceId))))
                .failedRequests().stream().findFirst().map(failed -> failed.errorCode() + ": " + failed.errorMessage()).orElse(null);
    }

    @Override
    public void recordRebuilt(String image, List<String> workspaceIds) {
        images.tag(image, Map.of(PipelineTags.REBUILT_CANARIES, String.join(" ", workspaceIds)));
    }

    private Optional<Workspace> workspace(String workspaceId) {
        return AwsErrors.call("DescribeWorkspaces " + workspaceId,
                () -> workSpaces.describeWorkspaces(r -> r.workspaceIds(workspaceId)).workspaces().stream().findFirst());
    }

    private WorkspaceBundle bundle(String target) {
        return AwsErrors.call("DescribeWorkspaceBundles " + target,
                        () -> workSpaces.describeWorkspaceBundles(r -> r.bundleIds(target)).bundles().stream().findFirst())
                .orElseThrow(() -> new ImageUpdateException("WorkSpaces bundle " + target + " does not exist in this account and Region"
                        + " (check the id and the Region)"));
    }

    @Override
    public String refusal(Target bundle, String image) {
        return bundle.owned() ? null : "WorkSpaces bundle " + bundle.name() + " belongs to " + bundle.type() + ": only bundles this account"
                + " owns can be pointed at a new image (AWS's public bundles and other accounts' cannot); create a bundle of your own";
    }

    /** Existing WorkSpaces keep their image until rebuilt or recreated; only new ones get the bundle's new image. */
    @Override
    public boolean moveTarget(Target bundle, String image) {
        if (image.equals(bundle.image())) {
            return false;
        }
        AwsErrors.call("UpdateWorkspaceBundle " + bundle.name() + " to " + image,
                () -> workSpaces.updateWorkspaceBundle(r -> r.bundleId(bundle.name()).imageId(image)));
        return true;
    }

    @Override
    public Map<String, String> recordPrevious(String image, Map<String, String> previousByTarget, String rolledOutBy) {
        Map<String, String> existing = images.tagsOf(image);
        Map<String, String> tags = PipelineTags.rolloutRecord(existing, previousByTarget, rolledOutBy);
        if (!tags.isEmpty()) {
            images.tag(image, tags);
        }
        return PipelineTags.recordedPrevious(existing, previousByTarget);
    }

    /**
     * CopyWorkspaceImage runs in the destination Region, naming this Region as the source, and carries the tags itself.
     * WorkSpaces cannot look an image up by name, so the copy is looked for among the destination's own images.
     */
    @Override
    public Distribution.Copy copyToRegion(ImageJob job, String region, Distributor destination) {
        WorkSpacesImageService there = (WorkSpacesImageService) destination;
        WorkspaceImage image = images.existing(job.newImage());
        Map<String, String> tags = PipelineTags.forCopy(images.tagsOf(job.newImage()), job);
        Optional<WorkspaceImage> existing = there.images.firstOwned(named(image.name()));
        if (existing.isPresent()) {
            return there.found(existing.get(), tags, region);
        }
        try {
            return Distribution.Copy.copied(region, there.workSpaces.copyWorkspaceImage(r -> r.name(image.name())
                    .description(image.description()).sourceImageId(job.newImage()).sourceRegion(job.location().region())
                    .tags(toTags(tags))).imageId());
        } catch (ResourceAlreadyExistsException earlier) {
            // An earlier attempt's copy whose answer was lost, a concurrent run's, or another image; the listing may not show it yet.
            return there.found(there.images.firstOwned(named(image.name())).orElseThrow(() -> AwsErrors.notVisibleYet("WorkSpaces image \""
                    + image.name() + "\" in " + region)), tags, region);
        } catch (SdkException e) {
            throw AwsErrors.translate("CopyWorkspaceImage of " + job.newImage() + " to " + region, e);
        }
    }

    /** The copy carried the pipeline's tags from its start, so an image without them is no copy of ours. */
    private Distribution.Copy found(WorkspaceImage found, Map<String, String> tags, String region) {
        PipelineImage copy = images.read(found);
        return PipelineTags.foundCopy("WorkSpaces image \"" + found.name() + "\" (" + found.imageId() + ")", found.imageId(), region,
                copy.tags(), copy.status(), tags);
    }

    /** Each account may copy it into its own images; it stays in this Region. */
    @Override
    public List<Distribution.Share> shareWith(String newImage, List<String> accounts) {
        return Distribution.Share.each(accounts, Set.copyOf(images.sharedWith(newImage)), account -> AwsErrors.call(
                "UpdateWorkspaceImagePermission sharing " + newImage + " with account " + account, () -> workSpaces
                        .updateWorkspaceImagePermission(r -> r.imageId(newImage).allowCopyImage(true).sharedAccountId(account))));
    }

    @Override
    public FailureStreak streakOf(String source) {
        return FailureStreak.of(images.tagsOf(source));
    }

    @Override
    public void record(String source, FailureStreak streak) {
        images.tag(source, Map.of(PipelineTags.FAILED_MONTHS, streak.tagValue()));
    }

    @Override
    public void recordBuildMinutes(String newImage, int minutes) {
        images.tag(newImage, Map.of(PipelineTags.BUILD_MINUTES, String.valueOf(minutes)));
    }

    @Override
    public List<PipelineImage> imagesOfRun(String executionName) {
        return images.ownedImages().stream().map(images::read).filter(image -> PipelineTags.ofRun(image.tags(), executionName)).toList();
    }

    @Override
    public List<RetentionPolicy.Decision> retire(String lineage, RetentionPolicy.Keep keep, Set<String> spare, Set<String> previous,
            boolean apply) {
        Map<String, String> inUse = new HashMap<>();
        AwsErrors.pages("DescribeWorkspaceBundles", token -> workSpaces.describeWorkspaceBundles(r -> r.nextToken(token)),
                        DescribeWorkspaceBundlesResponse::bundles, DescribeWorkspaceBundlesResponse::nextToken)
                .forEach(bundle -> inUse.putIfAbsent(bundle.imageId(), "bundle " + bundle.bundleId()));
        List<RetentionPolicy.LineageImage> members = images.ownedImages().stream()
                .flatMap(image -> RetentionPolicy.member(image.imageId(), image.name(), image.stateAsString(),
                        images.tagsOf(image.imageId()), lineage, inUse.get(image.imageId()), () -> images.sharedWith(image.imageId()))
                        .stream())
                .toList();
        List<RetentionPolicy.Decision> decisions = RetentionPolicy.decide(members, keep, spare, previous);
        return apply ? RetentionPolicy.apply(decisions, image -> AwsErrors.call("DeleteWorkspaceImage " + image,
                () -> workSpaces.deleteWorkspaceImage(r -> r.imageId(image)))) : decisions;
    }
}
