package com.eucimageupdater.aws;

import com.eucimageupdater.drift.SurveyPort;
import com.eucimageupdater.model.ImageNames;
import com.eucimageupdater.model.PipelineTags;
import com.eucimageupdater.model.Service;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.appstream.model.CreateUpdatedImageResponse;
import software.amazon.awssdk.services.appstream.model.DescribeFleetsResponse;
import software.amazon.awssdk.services.appstream.model.DescribeImageBuildersResponse;
import software.amazon.awssdk.services.appstream.model.Fleet;
import software.amazon.awssdk.services.appstream.model.Image;
import software.amazon.awssdk.services.appstream.model.ImageBuilder;

/** AppStream's fleets, the images they run, and the pipeline's images, for the drift survey: reads and dry runs only. */
final class AppStreamSurvey implements SurveyPort {
    private final AppStreamClient appStream;
    private final AppStreamImages images;
    /** The account's own images, by name, read once per survey. */
    private Map<String, Image> owned;

    AppStreamSurvey(AppStreamClient appStream, AppStreamImages images) {
        this.appStream = appStream;
        this.images = images;
    }

    @Override
    public List<ImageUse> targets(String runDate) {
        List<Fleet> fleets = AwsErrors.pages("DescribeFleets", token -> appStream.describeFleets(r -> r.nextToken(token)),
                DescribeFleetsResponse::fleets, DescribeFleetsResponse::nextToken);
        Map<String, Optional<Image>> described = new HashMap<>();
        Map<String, Boolean> updates = new HashMap<>();
        // An Elastic fleet runs app blocks, not an image.
        return fleets.stream().filter(fleet -> imageOf(fleet) != null).map(fleet -> {
            String name = imageOf(fleet);
            Optional<Image> image = described.computeIfAbsent(name,
                    key -> owned().containsKey(key) ? Optional.of(owned().get(key)) : images.find(key));
            // Managed updates apply only to the account's own images, as in a run.
            Boolean update = owned().containsKey(name) ? updates.computeIfAbsent(name, key -> hasUpdate(key, runDate)) : null;
            return new ImageUse(fleet.name(), name, image.map(Image::createdTime).orElse(null),
                    image.map(Image::platformAsString).orElse(fleet.platformAsString()), update, null);
        }).toList();
    }

    @Override
    public List<MadeImage> pipelineImages() {
        return owned().values().stream().filter(image -> PipelineTags.madeByPipeline(images.tagsOf(image.arn())))
                .map(image -> new MadeImage(image.name(), image.createdTime())).toList();
    }

    @Override
    public Set<String> usedByOthers() {
        return AwsErrors.pages("DescribeImageBuilders", token -> appStream.describeImageBuilders(r -> r.nextToken(token)),
                        DescribeImageBuildersResponse::imageBuilders, DescribeImageBuildersResponse::nextToken)
                .stream().map(ImageBuilder::imageArn).filter(Objects::nonNull).map(AppStreamSurvey::nameInArn)
                .collect(Collectors.toSet());
    }

    /** The dry run's canUpdateImage; today's updated image existing already counts as an update, as in a run's check. */
    private boolean hasUpdate(String image, String runDate) {
        return images.dryRun(image, ImageNames.newImageName(Service.APPSTREAM, image, runDate))
                .map(CreateUpdatedImageResponse::canUpdateImage).map(Boolean.TRUE::equals).orElse(true);
    }

    private Map<String, Image> owned() {
        if (owned == null) {
            owned = images.privateImages().stream().collect(Collectors.toMap(Image::name, Function.identity(), (a, b) -> a,
                    LinkedHashMap::new));
        }
        return owned;
    }

    /** The fleet's image by name; a fleet given an image by ARN names it there. */
    private static String imageOf(Fleet fleet) {
        return fleet.imageName() != null ? fleet.imageName() : fleet.imageArn() == null ? null : nameInArn(fleet.imageArn());
    }

    /** arn:PARTITION:appstream:REGION:ACCOUNT:image/NAME */
    private static String nameInArn(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
