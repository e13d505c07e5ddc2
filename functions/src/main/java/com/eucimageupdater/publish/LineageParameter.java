package com.eucimageupdater.publish;

import com.eucimageupdater.model.PipelineTags;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.workflow.Scope;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The parameter that names the image a lineage's production runs:
 * {@code /euc-image-updater/<account>/<region>/<service>/<lineage>} (five levels of Parameter Store's fifteen), a String
 * in the standard tier, in the deployment's own account and Region whatever account and Region the lineage is in.
 *
 * @param value the image's identifier, as a fleet or a bundle takes it (AppStream: name; WorkSpaces: id)
 */
public record LineageParameter(String name, String value, String description) {
    /** Parameter Store's names: only these characters within a level. */
    private static final Pattern LEVEL = Pattern.compile("[a-zA-Z0-9_.-]+");

    /** Why a lineage cannot be a level of a parameter's name, or null when it can. */
    static String nameProblem(String lineage) {
        if (lineage == null || lineage.isBlank()) {
            return "the image's lineage is unknown";
        }
        return LEVEL.matcher(lineage).matches() ? null : "lineage \"" + lineage + "\" cannot be a parameter name's level: Parameter"
                + " Store takes only a-z, A-Z, 0-9, _, . and - (the images' " + PipelineTags.LINEAGE + " tag names the lineage)";
    }

    /**
     * @param why what moved production to the image, e.g. {@code rolled out by run monthly-2026-11}
     * @throws IllegalArgumentException naming the rule when the lineage cannot be a level of the name ({@link #nameProblem})
     */
    static LineageParameter of(String account, String region, Service service, String lineage, String image, String why) {
        String problem = nameProblem(lineage);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new LineageParameter(String.join("/", Scope.LINEAGE_PARAMETER_PATH, account, region, service.name().toLowerCase(Locale.ROOT),
                lineage), image, "The image production runs for lineage " + lineage + " (" + service + ", account " + account + ", "
                + region + "): " + why + ". Written by euc-image-updater.");
    }
}
