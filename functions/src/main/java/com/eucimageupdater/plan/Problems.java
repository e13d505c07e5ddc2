package com.eucimageupdater.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every problem found in one input, each as {@code <place>: <rule>}, e.g.
 * {@code images[0].tags.team (value): may contain only letters, ...}. A collector stands for one place of the input and
 * gives the collectors of the places inside it ({@link #at}, {@link #index}), which add to the same list: a check of
 * one field needs only that field's collector, and can ask whether anything was found there.
 */
public final class Problems {
    private final List<String> all;
    private final String path;
    private final Problems enclosing;
    /** Problems found at this place or inside it. */
    private int found;

    /** A new input's collector, whose places are named from the top: {@code at("input")} is {@code input}. */
    public Problems() {
        this(new ArrayList<>(), "", null);
    }

    private Problems(List<String> all, String path, Problems enclosing) {
        this.all = all;
        this.path = path;
        this.enclosing = enclosing;
    }

    /** A field of this place: {@code at("tags")} of {@code images[0]} is {@code images[0].tags}. */
    public Problems at(String field) {
        return new Problems(all, path.isEmpty() ? field : path + "." + field, this);
    }

    /** An item of the list at this place: {@code index(2)} of {@code images} is {@code images[2]}. */
    public Problems index(int index) {
        return new Problems(all, path + "[" + index + "]", this);
    }

    /** This place as the problems name it, e.g. {@code images[0]}, for a problem that points at another place. */
    public String path() {
        return path;
    }

    /** The rule this place breaks, e.g. {@code must be a string}. */
    public void add(String rule) {
        record(path + ": " + rule);
    }

    /** The rule's problem with the value, when it has one; a missing value breaks no rule here. */
    public void check(String value, Function<String, String> rule) {
        String problem = value == null ? null : rule.apply(value);
        if (problem != null) {
            add(problem);
        }
    }

    /** Problems another check found inside this place, each already naming its place. */
    public void addAll(List<String> problems) {
        problems.forEach(this::record);
    }

    /** Whether nothing was found at this place or inside it. */
    public boolean isEmpty() {
        return found == 0;
    }

    /** Every problem of the input, wherever it was found, in the order found. */
    public List<String> all() {
        return List.copyOf(all);
    }

    private void record(String problem) {
        all.add(problem);
        for (Problems place = this; place != null; place = place.enclosing) {
            place.found++;
        }
    }
}
