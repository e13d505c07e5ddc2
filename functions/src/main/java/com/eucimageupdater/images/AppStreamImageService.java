package com.eucimageupdater.images;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.appstream.model.CreateUpdatedImageResponse;
import software.amazon.awssdk.services.appstream.model.Image;
import software.amazon.awssdk.services.appstream.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.appstream.model.ResourceNotFoundException;
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
                .orElseThrow(() -> new ImageUpdateException("AppStream image \"" + job.image()
                        + "\" does not exist in this account and Region (check the name and the Region)"));
        requireUpdatable(source);
        String newName = ImageNames.newImageName(Service.APPSTREAM, source.name(), job.runDate());
        String description = job.description() != null ? job.description() : ImageNames.defaultDescription(source.name(), job.runDate());
        String displayName = job.displayName() != null
                ? job.displayName()
                : ImageNames.defaultDisplayName(source.displayName() != null ? source.displayName() : source.name(), job.runDate());
        boolean updateAvailable = dryRun(job.image(), newName);
        String detail = updateAvailable
                ? "AppStream has OS, driver or agent updates for this image"
                : "already has the latest updates";
        return new UpdateCheck(updateAvailable, source.name(), detail, newName, description, displayName);
    }

    private boolean dryRun(String sourceName, String newName) {
        try {
            return AwsErrors.call("CreateUpdatedImage (dry run) for \"" + sourceName + "\"", () -> appStream
                    .createUpdatedImage(r -> r.existingImageName(sourceName).newImageName(newName).dryRun(true))
                    .canUpdateImage());
        } catch (ImageUpdateException e) {
            if (e.getCause() instanceof ResourceAlreadyExistsException) {
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
        Optional<Image> existing = findImage(newName);
        if (existing.isPresent()) {
            return adopt(job, existing.get());
        }
        Map<String, String> tags = PipelineTags.forNewImage(job);
        try {
            CreateUpdatedImageResponse response = appStream.createUpdatedImage(r -> r.existingImageName(job.image())
                    .newImageName(newName)
                    .newImageDescription(check.newImageDescription())
                    .newImageDisplayName(check.newImageDisplayName())
                    .newImageTags(tags)
                    .dryRun(false));
            if (!Boolean.TRUE.equals(response.canUpdateImage()) || response.image() == null) {
                throw new ImageUpdateException("AppStream no longer offers an update for \"" + job.image()
                        + "\" (it did at the check); nothing was created");
            }
            return new StartedImage(response.image().name(), response.image().name(), false);
        } catch (ResourceAlreadyExistsException raced) {
            // A concurrent execution created it between our lookup and our create.
            return adopt(job, findImage(newName).orElseThrow(() -> AwsErrors.translate("CreateUpdatedImage " + newName, raced)));
        } catch (SdkException e) {
            throw AwsErrors.translate("CreateUpdatedImage from \"" + job.image() + "\" to \"" + newName + "\"", e);
        }
    }

    private StartedImage adopt(ImageJob job, Image existing) {
        Map<String, String> tags = AwsErrors.call("ListTagsForResource " + existing.arn(),
                () -> appStream.listTagsForResource(r -> r.resourceArn(existing.arn())).tags());
        if (!PipelineTags.madeFor(tags, job)) {
            throw new ImageUpdateException("AppStream image \"" + existing.name() + "\" already exists but was not made by"
                    + " euc-image-updater from \"" + job.image() + "\" on " + job.runDate()
                    + " (rename or delete it, then run again)");
        }
        return new StartedImage(existing.name(), existing.name(), true);
    }

    @Override
    public ImageStatus describeUpdatedImage(String newImage) {
        Image image = findImage(newImage)
                .orElseThrow(() -> new ImageUpdateException("the updated AppStream image \"" + newImage
                        + "\" has disappeared (deleted while it was being built?)"));
        return switch (image.state()) {
            case AVAILABLE -> ImageStatus.of(ImageState.AVAILABLE, image.stateAsString(), null);
            case FAILED, DELETING -> ImageStatus.of(ImageState.FAILED, image.stateAsString(), failureReason(image));
            default -> ImageStatus.of(ImageState.PENDING, image.stateAsString(), null);
        };
    }

    private static String failureReason(Image image) {
        StringBuilder reason = new StringBuilder("AppStream image is " + image.stateAsString());
        if (image.stateChangeReason() != null) {
            reason.append(": ").append(image.stateChangeReason().codeAsString())
                    .append(" ").append(image.stateChangeReason().message());
        }
        if (image.hasImageErrors() && !image.imageErrors().isEmpty()) {
            reason.append("; ").append(image.imageErrors().stream()
                    .map(error -> error.errorCodeAsString() + " " + error.errorMessage())
                    .collect(Collectors.joining("; ")));
        }
        return reason.toString();
    }

    private void requireUpdatable(Image source) {
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
            if (e.getCause() instanceof ResourceNotFoundException) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
