package com.eucimageupdater.images;

import java.util.List;

/** The images that passed validation, and every problem found, each naming its field and rule. */
public record ParsedImages(List<ImageRequest> requests, List<String> problems) {

    public ParsedImages {
        requests = List.copyOf(requests);
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
