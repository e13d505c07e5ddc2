package com.eucimageupdater.aws;

import com.eucimageupdater.model.ImageState;
import com.eucimageupdater.model.ImageStatus;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.PipelineImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.appstream.model.CreateUpdatedImageResponse;
import software.amazon.awssdk.services.appstream.model.DescribeImagePermissionsResponse;
import software.amazon.awssdk.services.appstream.model.DescribeImagesResponse;
import software.amazon.awssdk.services.appstream.model.Image;
import software.amazon.awssdk.services.appstream.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.appstream.model.ResourceNotFoundException;
import software.amazon.awssdk.services.appstream.model.SharedImagePermissions;
import software.amazon.awssdk.services.appstream.model.VisibilityType;

/** AppStream's images in one account and Region, their tags (by ARN) and their permissions, as every step reads them. */
final class AppStreamImages {
    private final AppStreamClient appStream;

    AppStreamImages(AppStreamClient appStream) {
        this.appStream = appStream;
    }

    /**
     * One describe by name: AppStream answers a name it does not know with ResourceNotFoundException.
     *
     * @param what the call, for the reason when it fails, e.g. {@code DescribeImages Base-Win2022}
     */
    static <T> Optional<T> named(String what, Supplier<Optional<T>> describe) {
        try {
            return describe.get();
        } catch (ResourceNotFoundException absent) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate(what, e);
        }
    }

    Optional<Image> find(String name) {
        return named("DescribeImages " + name, () -> appStream.describeImages(r -> r.names(name)).images().stream().findFirst());
    }

    /**
     * The check: CreateUpdatedImage with dryRun, which creates nothing. Its answer, or nothing when today's image exists
     * already (the start step adopts it if this pipeline made it from this source).
     */
    Optional<CreateUpdatedImageResponse> dryRun(String sourceName, String newName) {
        try {
            return Optional.of(appStream.createUpdatedImage(r -> r.existingImageName(sourceName).newImageName(newName).dryRun(true)));
        } catch (ResourceAlreadyExistsException todaysImage) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate("CreateUpdatedImage (dry run) for \"" + sourceName + "\"", e);
        }
    }

    /** The image this pipeline made, which must still be there. */
    Image existing(String name) {
        return find(name).orElseThrow(() -> new ImageUpdateException("AppStream image \"" + name + "\" has disappeared"));
    }

    List<Image> privateImages() {
        return AwsErrors.pages("DescribeImages (private)",
                token -> appStream.describeImages(r -> r.type(VisibilityType.PRIVATE).nextToken(token)),
                DescribeImagesResponse::images, DescribeImagesResponse::nextToken);
    }

    /** The account's own images, page by page, until one matches. */
    Optional<Image> firstPrivate(Predicate<Image> wanted) {
        return privateImages().stream().filter(wanted).findFirst();
    }

    /** The image as the pipeline reads it back: its state and its tags. */
    PipelineImage read(Image image) {
        return new PipelineImage(image.name(), image.name(), status(image), tagsOf(image.arn()));
    }

    Map<String, String> tagsOf(String arn) {
        return AwsErrors.call("ListTagsForResource " + arn, () -> appStream.listTagsForResource(r -> r.resourceArn(arn)).tags());
    }

    void tag(String arn, Map<String, String> tags) {
        AwsErrors.call("TagResource " + arn, () -> appStream.tagResource(r -> r.resourceArn(arn).tags(tags)));
    }

    List<SharedImagePermissions> permissions(String image) {
        return AwsErrors.pages("DescribeImagePermissions " + image,
                token -> appStream.describeImagePermissions(r -> r.name(image).nextToken(token)),
                DescribeImagePermissionsResponse::sharedImagePermissionsList, DescribeImagePermissionsResponse::nextToken);
    }

    List<String> sharedWith(String image) {
        return permissions(image).stream().map(SharedImagePermissions::sharedAccountId).toList();
    }

    /** PENDING, CREATING, COPYING, IMPORTING, VALIDATING are still on their way; DELETING will never be usable. */
    static ImageStatus status(Image image) {
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
}
