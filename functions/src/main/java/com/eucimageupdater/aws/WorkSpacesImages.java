package com.eucimageupdater.aws;

import com.eucimageupdater.model.ImageState;
import com.eucimageupdater.model.ImageStatus;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.PipelineImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;
import software.amazon.awssdk.services.workspaces.model.DescribeWorkspaceImagePermissionsResponse;
import software.amazon.awssdk.services.workspaces.model.DescribeWorkspaceImagesResponse;
import software.amazon.awssdk.services.workspaces.model.ImagePermission;
import software.amazon.awssdk.services.workspaces.model.ImageType;
import software.amazon.awssdk.services.workspaces.model.Tag;
import software.amazon.awssdk.services.workspaces.model.WorkspaceImage;

/** WorkSpaces' images in one account and Region, their tags (by id) and their permissions, as every step reads them. */
final class WorkSpacesImages {
    private final WorkSpacesClient workSpaces;

    WorkSpacesImages(WorkSpacesClient workSpaces) {
        this.workSpaces = workSpaces;
    }

    Optional<WorkspaceImage> describe(String imageId) {
        return AwsErrors.call("DescribeWorkspaceImages " + imageId,
                () -> workSpaces.describeWorkspaceImages(r -> r.imageIds(imageId)).images().stream().findFirst());
    }

    /** The image this pipeline made, which must still be there. */
    WorkspaceImage existing(String imageId) {
        return describe(imageId).orElseThrow(() -> new ImageUpdateException("WorkSpaces image " + imageId + " has disappeared"));
    }

    List<WorkspaceImage> ownedImages() {
        return AwsErrors.pages("DescribeWorkspaceImages (owned)",
                token -> workSpaces.describeWorkspaceImages(r -> r.imageType(ImageType.OWNED).nextToken(token)),
                DescribeWorkspaceImagesResponse::images, DescribeWorkspaceImagesResponse::nextToken);
    }

    /** WorkSpaces cannot look an image up by name, so the account's own images are listed page by page. */
    Optional<WorkspaceImage> firstOwned(Predicate<WorkspaceImage> wanted) {
        return ownedImages().stream().filter(wanted).findFirst();
    }

    static Predicate<WorkspaceImage> named(String name) {
        return image -> name.equals(image.name());
    }

    /** The image as the pipeline reads it back: its state and its tags. */
    PipelineImage read(WorkspaceImage image) {
        return new PipelineImage(image.imageId(), image.name(), status(image), tagsOf(image.imageId()));
    }

    Map<String, String> tagsOf(String imageId) {
        return AwsErrors.call("DescribeTags " + imageId, () -> workSpaces.describeTags(r -> r.resourceId(imageId)).tagList().stream()
                .collect(Collectors.toMap(Tag::key, tag -> tag.value() == null ? "" : tag.value())));
    }

    void tag(String imageId, Map<String, String> tags) {
        AwsErrors.call("CreateTags " + imageId, () -> workSpaces.createTags(r -> r.resourceId(imageId).tags(toTags(tags))));
    }

    static List<Tag> toTags(Map<String, String> tags) {
        return tags.entrySet().stream().map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build()).toList();
    }

    List<String> sharedWith(String imageId) {
        return AwsErrors.pages("DescribeWorkspaceImagePermissions " + imageId,
                        token -> workSpaces.describeWorkspaceImagePermissions(r -> r.imageId(imageId).nextToken(token)),
                        DescribeWorkspaceImagePermissionsResponse::imagePermissions, DescribeWorkspaceImagePermissionsResponse::nextToken)
                .stream().map(ImagePermission::sharedAccountId).toList();
    }

    static ImageStatus status(WorkspaceImage image) {
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
}
