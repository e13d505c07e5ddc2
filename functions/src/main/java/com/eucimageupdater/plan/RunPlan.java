package com.eucimageupdater.plan;

import com.eucimageupdater.images.ImageJob;
import java.util.List;

/** The images to process in this run, or the problems that stop it before any AWS call. */
public record RunPlan(String executionName, String runDate, int maxConcurrency, List<ImageJob> images, List<String> problems) {}
