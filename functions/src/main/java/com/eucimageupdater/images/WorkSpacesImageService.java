package com.eucimageupdater.images;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;
import software.amazon.awssdk.services.workspaces.model.DescribeWorkspaceImagesResponse;
import software.amazon.awssdk.services.workspaces.model.ImageType;
import software.amazon.awssdk.services.workspaces.model.OperatingSystemType;
import software.amazon.awssdk.services.workspaces.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.workspaces.model.Tag;
import software.amazon.awssdk.services.workspaces.model.WorkspaceImage;

/** WorkSpaces: images are ids; DescribeWorkspaceImages says per image whether updates are available. */
public final class WorkSpacesImageService implements ImageService {
    private final WorkSpacesClient workSpaces;

    public WorkSpacesImageService(WorkSpacesClient workSpaces) {
        this.workSpaces = workSpaces;
    }

    @Override
    public UpdateCheck checkForUpdate(ImageJob job) {
        WorkspaceImage source = describe(job.image())
                .orElseThrow(() -> new ImageUpdateException("WorkSpaces image " + job.image()
                        + " does not exist in this account and Region (check the id and the Region)"));
        requireUpdatable(source, job);
        boolean updateAvailable = source.updates() != null && Boolean.TRUE.equals(source.updates().updateAvailable());
        String detail = updateAvailable
                ? Optional.ofNullable(source.updates().description()).orElse("WorkSpaces has updates for this image")
                : "already has the latest updates";
        String newName = ImageNames.newImageName(Service.WORKSPACES, source.name(), job.runDate());
        String description = job.description() != null
                ? ImageNames.withRunDate(job.description(), job.runDate(), ImageRules.WORKSPACES_DESCRIPTION_MAX)
                : ImageNames.defaultDescription(job.image(), job.runDate());
        return new UpdateCheck(updateAvailable, source.name(), detail, newName, description, null);
    }

    /** What CreateUpdatedWorkspaceImage would refuse, refused before it is tried, with a reason the admin can act on. */
    private static void requireUpdatable(WorkspaceImage source, ImageJob job) {
        String owner = source.ownerAccountId();
        if (owner != null && !owner.equals(job.run().account())) {
            throw new ImageUpdateException("WorkSpaces image " + job.image() + " belongs to account " + owner + " and is shared with"
                    + " this account (" + job.run().account() + "); only the account that owns an image can update it: run the"
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
        Optional<WorkspaceImage> existing = firstOwned(image -> newName.equals(image.name()));
        if (existing.isPresent()) {
            return adopt(job, existing.get(), quotaWaited);
        }
        return QuotaWait.create(job, () -> create(job, quotaWaited), () -> firstOwned(image -> ImageNames.isBuildingForRun(
                image.name(), job.runDate(), status(image).state())).isPresent());
    }

    private StartedImage create(ImageJob job, int quotaWaited) {
        String newName = job.requireCheck().newImageName();
        List<Tag> tags = PipelineTags.forNewImage(job).entrySet().stream()
                .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
                .toList();
        try {
            String imageId = workSpaces.createUpdatedWorkspaceImage(r -> r.sourceImageId(job.image())
                            .name(newName)
                            .description(job.requireCheck().newImageDescription())
                            .tags(tags))
                    .imageId();
            return StartedImage.created(imageId, newName, quotaWaited);
        } catch (ResourceAlreadyExistsException raced) {
            // A concurrent execution created it between our lookup and our create; the listing may not show it yet.
            return adopt(job, firstOwned(image -> newName.equals(image.name()))
                    .orElseThrow(() -> AwsErrors.notVisibleYet("WorkSpaces image \"" + newName + "\"")), quotaWaited);
        } catch (SdkException e) {
            throw AwsErrors.translate("CreateUpdatedWorkspaceImage from " + job.image() + " to \"" + newName + "\"", e);
        }
    }

    private StartedImage adopt(ImageJob job, WorkspaceImage existing, int quotaWaited) {
        Map<String, String> tags = AwsErrors.call("DescribeTags " + existing.imageId(),
                () -> workSpaces.describeTags(r -> r.resourceId(existing.imageId())).tagList().stream()
                        .collect(Collectors.toMap(Tag::key, tag -> tag.value() == null ? "" : tag.value())));
        PipelineTags.requireAdoptable("WorkSpaces image \"" + existing.name() + "\" (" + existing.imageId() + ")", tags,
                status(existing), job);
        return PipelineTags.startedByThisRun(tags, job)
                ? StartedImage.created(existing.imageId(), existing.name(), quotaWaited)
                : StartedImage.adopted(existing.imageId(), existing.name(), tags.get(PipelineTags.EXECUTION), quotaWaited);
    }

    @Override
    public ImageStatus describeUpdatedImage(String newImage) {
        return status(describe(newImage)
                .orElseThrow(() -> new ImageUpdateException("the updated WorkSpaces image " + newImage
                        + " has disappeared (deleted while it was being built?)")));
    }

    private static ImageStatus status(WorkspaceImage image) {
        String state = String.valueOf(image.stateAsString());
        return switch (state) {
            case "AVAILABLE" -> ImageStatus.of(ImageState.AVAILABLE, state, null);
            case "ERROR" -> ImageStatus.of(ImageState.FAILED, state, failureReason(image));
            default -> ImageStatus.of(ImageState.PENDING, state, null);
        };
    }

    private static String failureReason(WorkspaceImage image) {
        Stream<String> error = image.errorCode() == null && image.errorMessage() == null
                ? Stream.empty()
                : Stream.of(FailureReasons.join(image.errorCode(), image.errorMessage()));
        Stream<String> details = image.errorDetails().stream()
                .map(detail -> FailureReasons.join(detail.errorCodeAsString(), detail.errorMessage()));
        return FailureReasons.describe("WorkSpaces image is ERROR", Stream.concat(error, details));
    }

    private Optional<WorkspaceImage> describe(String imageId) {
        return AwsErrors.call("DescribeWorkspaceImages " + imageId,
                () -> workSpaces.describeWorkspaceImages(r -> r.imageIds(imageId)).images().stream().findFirst());
    }

    /** WorkSpaces cannot look an image up by name, so the account's own images are listed page by page. */
    private Optional<WorkspaceImage> firstOwned(Predicate<WorkspaceImage> wanted) {
        String nextToken = null;
        do {
            String token = nextToken;
            DescribeWorkspaceImagesResponse page = AwsErrors.call("DescribeWorkspaceImages (owned)",
                    () -> workSpaces.describeWorkspaceImages(r -> r.imageType(ImageType.OWNED).nextToken(token)));
            Optional<WorkspaceImage> match = page.images().stream().filter(wanted).findFirst();
            if (match.isPresent()) {
                return match;
            }
            nextToken = page.nextToken();
        } while (nextToken != null);
        return Optional.empty();
    }
}
