package io.rebound.activity.api;

/** What a runner id may look like: short, URL-safe, no surprises in logs or keys. */
final class Ids {

    static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";
    static final String MESSAGE = "must start with a letter or digit and use only letters, digits, '.', '_' and '-'";

    private Ids() {
    }
}
