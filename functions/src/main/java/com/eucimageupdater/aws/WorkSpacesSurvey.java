package com.eucimageupdater.aws;

import com.eucimageupdater.drift.SurveyPort;
import com.eucimageupdater.model.PipelineTags;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;
import software.amazon.awssdk.services.workspaces.model.DescribeWorkspaceBundlesResponse;
import software.amazon.awssdk.services.workspaces.model.DescribeWorkspacesResponse;
import software.amazon.awssdk.services.workspaces.model.Workspace;
import software.amazon.awssdk.services.workspaces.model.WorkspaceBundle;
import software.amazon.awssdk.services.workspaces.model.WorkspaceImage;

/**
 * WorkSpaces' bundles, the images they point at and the WorkSpaces launched from each, and the pipeline's images, for
 * the drift survey: reads only. A bundle's platform is its WorkSpaces' operating system (an image names only Windows or
 * Linux); a bundle with no WorkSpaces has none.
 */
final class WorkSpacesSurvey implements SurveyPort {
    private final WorkSpacesClient workSpaces;
    private final WorkSpacesImages images;
    /** The account's own images, by id, read once per survey. */
    private Map<String, WorkspaceImage> owned;

    WorkSpacesSurvey(WorkSpacesClient workSpaces, WorkSpacesImages images) {
        this.workSpaces = workSpaces;
        this.images = images;
    }

    @Override
    public List<ImageUse> targets(String runDate) {
        // Without BundleIds or Owner, the bundles the account owns (AWS's public ones are AMAZON's, and cannot change).
        List<WorkspaceBundle> bundles = AwsErrors.pages("DescribeWorkspaceBundles",
                token -> workSpaces.describeWorkspaceBundles(r -> r.nextToken(token)),
                DescribeWorkspaceBundlesResponse::bundles, DescribeWorkspaceBundlesResponse::nextToken);
        Map<String, Optional<WorkspaceImage>> described = new HashMap<>();
        return bundles.stream().map(bundle -> {
            Optional<WorkspaceImage> image = described.computeIfAbsent(bundle.imageId(),
                    id -> owned().containsKey(id) ? Optional.of(owned().get(id)) : images.describe(id));
            List<Workspace> launched = AwsErrors.pages("DescribeWorkspaces " + bundle.bundleId(),
                    token -> workSpaces.describeWorkspaces(r -> r.bundleId(bundle.bundleId()).nextToken(token)),
                    DescribeWorkspacesResponse::workspaces, DescribeWorkspacesResponse::nextToken);
            String platform = launched.stream().filter(workspace -> workspace.workspaceProperties() != null)
                    .map(workspace -> workspace.workspaceProperties().operatingSystemNameAsString()).filter(Objects::nonNull)
                    .findFirst().orElse(null);
            // Managed updates apply only to the account's own images, as in a run.
            Boolean update = owned().containsKey(bundle.imageId())
                    ? image.map(found -> found.updates() != null && Boolean.TRUE.equals(found.updates().updateAvailable())).orElse(false)
                    : null;
            return new ImageUse(bundle.bundleId(), bundle.imageId(), image.map(WorkspaceImage::created).orElse(null), platform, update,
                    launched.stream().map(Workspace::workspaceId).sorted().toList());
        }).toList();
    }

    @Override
    public List<MadeImage> pipelineImages() {
        return owned().values().stream().filter(image -> PipelineTags.madeByPipeline(images.tagsOf(image.imageId())))
                .map(image -> new MadeImage(image.imageId(), image.created())).toList();
    }

    @Override
    public Set<String> usedByOthers() {
        return Set.of();
    }

    private Map<String, WorkspaceImage> owned() {
        if (owned == null) {
            owned = images.ownedImages().stream().collect(Collectors.toMap(WorkspaceImage::imageId, Function.identity(), (a, b) -> a,
                    LinkedHashMap::new));
        }
        return owned;
    }
}
