package com.eucimageupdater.images;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.appstream.model.CreateUpdatedImageResponse;
import software.amazon.awssdk.services.appstream.model.DescribeImagesResponse;
import software.amazon.awssdk.services.appstream.model.Image;
import software.amazon.awssdk.services.appstream.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.appstream.model.VisibilityType;

/** AppStream 2.0 (WorkSpaces Applications): images are named, and CreateUpdatedImage with dryRun is the check. */
public final class AppStreamImageService implements ImageService {
    private final AppStreamClient appStream;

    public AppStreamImageService(AppStreamClient appStream) {
        this.appStream = appStream;
    }

    @Override
    public UpdateCheck checkForUpdate(ImageJob job) {
        Image source = findImage(job.image())
                .orElseThrow(() -> new ImageUpdateException("AppStream image \"" + job.image() + "\" does not exist in this"
                        + " account and Region, or is shared with it (check the name and the Region; only images this"
                        + " account owns can be updated)"));
        requireUpdatable(source);
        String newName = ImageNames.newImageName(Service.APPSTREAM, source.name(), job.runDate());
        String description = job.description() != null
                ? ImageNames.withRunDate(job.description(), job.runDate(), ImageRules.APPSTREAM_DESCRIPTION_MAX)
                : ImageNames.defaultDescription(source.name(), job.runDate());
        String displayName = job.displayName() != null
                ? ImageNames.withRunDate(job.displayName(), job.runDate(), ImageRules.APPSTREAM_DISPLAY_NAME_MAX)
                : ImageNames.defaultDisplayName(source.displayName() != null ? source.displayName() : source.name(), job.runDate());
        boolean updateAvailable = dryRun(job.image(), newName);
        String detail = updateAvailable
                ? "AppStream has OS, driver or agent updates for this image"
                : "already has the latest updates";
        return new UpdateCheck(updateAvailable, source.name(), detail, newName, description, displayName);
    }

    private boolean dryRun(String sourceName, String newName) {
        try {
            return AwsErrors.call("CreateUpdatedImage (dry run) for \"" + sourceName + "\"", () -> Boolean.TRUE.equals(appStream
                    .createUpdatedImage(r -> r.existingImageName(sourceName).newImageName(newName).dryRun(true))
                    .canUpdateImage()));
        } catch (ImageUpdateException e) {
            if ("ResourceAlreadyExistsException".equals(e.awsErrorCode())) {
                // Today's image already exists: the start step adopts it if this pipeline made it from this source.
                return true;
            }
            throw e;
        }
    }

    @Override
    public StartedImage startUpdate(ImageJob job) {
        UpdateCheck check = job.requireCheck();
        String newName = check.newImageName();
        int quotaWaited = QuotaWait.waitedSoFar(job);
        Optional<Image> existing = findImage(newName);
        if (existing.isPresent()) {
            return adopt(job, existing.get(), quotaWaited);
        }
        return QuotaWait.create(job, () -> create(job, quotaWaited), () -> firstPrivate(image -> ImageNames.isBuildingForRun(
                image.name(), job.runDate(), status(image).state())).isPresent());
    }

    private StartedImage create(ImageJob job, int quotaWaited) {
        UpdateCheck check = job.requireCheck();
        String newName = check.newImageName();
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
        } catch (ResourceAlreadyExistsException raced) {
            // A concurrent execution created it between our lookup and our create; DescribeImages may not show it yet.
            return adopt(job, findImage(newName).orElseThrow(() -> AwsErrors.notVisibleYet("AppStream image \"" + newName + "\"")),
                    quotaWaited);
        } catch (SdkException e) {
            throw AwsErrors.translate("CreateUpdatedImage from \"" + job.image() + "\" to \"" + newName + "\"", e);
        }
    }

    private StartedImage adopt(ImageJob job, Image existing, int quotaWaited) {
        Map<String, String> tags = AwsErrors.call("ListTagsForResource " + existing.arn(),
                () -> appStream.listTagsForResource(r -> r.resourceArn(existing.arn())).tags());
        PipelineTags.requireAdoptable("AppStream image \"" + existing.name() + "\"", tags, status(existing), job);
        return PipelineTags.startedByThisRun(tags, job)
                ? StartedImage.created(existing.name(), existing.name(), quotaWaited)
                : StartedImage.adopted(existing.name(), existing.name(), tags.get(PipelineTags.EXECUTION), quotaWaited);
    }

    @Override
    public ImageStatus describeUpdatedImage(String newImage) {
        return status(findImage(newImage)
                .orElseThrow(() -> new ImageUpdateException("the updated AppStream image \"" + newImage
                        + "\" has disappeared (deleted while it was being built?)")));
    }

    /** PENDING, CREATING, COPYING, IMPORTING, VALIDATING are still on their way; DELETING will never be usable. */
    private static ImageStatus status(Image image) {
        String state = String.valueOf(image.stateAsString());
        return switch (state) {
            case "AVAILABLE" -> ImageStatus.of(ImageState.AVAILABLE, state, null);
            case "FAILED", "DELETING" -> ImageStatus.of(ImageState.FAILED, state, failureReason(image));
            default -> ImageStatus.of(ImageState.PENDING, state, null);
        };
    }

    private static String failureReason(Image image) {
        Stream<String> stateChange = image.stateChangeReason() == null
                ? Stream.empty()
                : Stream.of(FailureReasons.join(image.stateChangeReason().codeAsString(), image.stateChangeReason().message()));
        Stream<String> imageErrors = image.imageErrors().stream()
                .map(error -> FailureReasons.join(error.errorCodeAsString(), error.errorMessage()));
        return FailureReasons.describe("AppStream image is " + image.stateAsString(), Stream.concat(stateChange, imageErrors));
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

    private Optional<Image> findImage(String name) {
        try {
            return AwsErrors.call("DescribeImages " + name,
                    () -> appStream.describeImages(r -> r.names(name)).images().stream().findFirst());
        } catch (ImageUpdateException e) {
            if ("ResourceNotFoundException".equals(e.awsErrorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The account's own images, page by page, until one matches. */
    private Optional<Image> firstPrivate(Predicate<Image> wanted) {
        String nextToken = null;
        do {
            String token = nextToken;
            DescribeImagesResponse page = AwsErrors.call("DescribeImages (private)",
                    () -> appStream.describeImages(r -> r.type(VisibilityType.PRIVATE).nextToken(token)));
            Optional<Image> match = page.images().stream().filter(wanted).findFirst();
            if (match.isPresent()) {
                return match;
            }
            nextToken = page.nextToken();
        } while (nextToken != null);
        return Optional.empty();
    }
}
